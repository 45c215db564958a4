package dev.palisade.api.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile of every isolation contract run with row-level security off (each class switches it off on its
 * tables before each test and on again after all). Its own application, and so its own throwaway database: if a
 * class failed to switch it on again, the tests of the default profile would still run with it in force. One profile
 * for all of them: Quarkus starts the application once for the classes that share it.
 */
public class WithoutRowLevelSecurity implements QuarkusTestProfile {
}
