package dev.palisade.tenancy.settings;

import java.util.regex.Pattern;

import dev.palisade.tenancy.InvalidFieldException;

/** Config keys: 1 to 128 of letters, digits, {@code . _ -}, starting with a letter or digit. */
public final class SettingKeys {

    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

    private SettingKeys() {
    }

    public static String require(String key) {
        if (key == null || !FORMAT.matcher(key).matches()) {
            throw new InvalidFieldException("key", "A config key must be 1 to 128 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit.");
        }
        return key;
    }
}
