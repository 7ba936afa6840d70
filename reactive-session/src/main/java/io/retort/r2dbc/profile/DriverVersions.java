package io.retort.r2dbc.profile;

import org.jspecify.annotations.Nullable;

/** Reads a driver's version from its jar, for deciding whether a known defect applies. */
final class DriverVersions {
    private DriverVersions() {
    }

    /**
     * @param className a class of the driver
     * @return the version its jar's manifest reports, or {@code null} when the class or the version is missing
     */
    static @Nullable String of(String className) {
        try {
            Package p = Class.forName(className, false, DriverVersions.class.getClassLoader()).getPackage();
            return p == null ? null : p.getImplementationVersion();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
