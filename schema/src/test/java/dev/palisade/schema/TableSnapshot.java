package dev.palisade.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every row of every application table, read as text, so that rows can be compared across migrations. */
record TableSnapshot(Map<String, List<Map<String, String>>> tables) {

    static TableSnapshot take(Connection superuser) throws SQLException {
        Map<String, List<Map<String, String>>> tables = new TreeMap<>();
        for (String table : tableNames(superuser)) {
            List<Map<String, String>> rows = new ArrayList<>();
            try (Statement st = superuser.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            tables.put(table, rows);
        }
        return new TableSnapshot(tables);
    }

    static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                   AND table_name NOT IN ('databasechangelog', 'databasechangeloglock')
                """)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The rows of a table, each cut down to the given columns and rendered as one sorted line. */
    List<String> rowsOf(String table, Set<String> columns) {
        List<String> rendered = new ArrayList<>();
        for (Map<String, String> row : tables.getOrDefault(table, List.of())) {
            Map<String, String> kept = new TreeMap<>();
            row.forEach((column, value) -> {
                if (columns.contains(column)) {
                    kept.put(column, value);
                }
            });
            rendered.add(kept.toString());
        }
        rendered.sort(null);
        return rendered;
    }

    Set<String> columnsOf(String table) {
        List<Map<String, String>> rows = tables.getOrDefault(table, List.of());
        return rows.isEmpty() ? Set.of() : rows.get(0).keySet();
    }
}
