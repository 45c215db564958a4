#!/bin/sh
# Creates the AppCDS archive (APP_DIR/app-cds.jsa) of the packaged service with the JDK that will run it.
#
#   appcds.sh APP_DIR        APP_DIR: the quarkus-app folder (quarkus-run.jar, lib/, app/, quarkus/)
#
# Environment: APPCDS_JAVA_OPTS (default -Xmx512m), APPCDS_CREATE_BASE_ARCHIVE=true to let it write the JDK's own
# base archive when the JDK has none (the image build does; never on a shared JDK).
#
# A class-data-sharing archive is only usable by exactly the JDK build that wrote it, with the same class path, so
# it is made where the service runs: Dockerfile.jvm runs this script inside the runtime image, bench/startup.sh on the
# host. Start the service with the same jar path and `-XX:SharedArchiveFile=APP_DIR/app-cds.jsa`.
#
# Quarkus stops right after its static initialisation when quarkus.appcds.generate=true, so no database is needed.
# Static initialisation does validate the configuration, though, and a failed validation would exit early with only
# part of the classes archived: the datasource user is therefore given a placeholder value (it is never used to
# connect, and nothing of it is stored in the archive, which holds class metadata only).
#
# The archive is then mapped once with -Xshare:on, which fails instead of silently ignoring an archive this JDK
# cannot map (another JDK build, class path or pointer mode), so such an archive stops the image build rather than
# slowing every start.
set -eu
app=$(cd "${1:?usage: appcds.sh APP_DIR}" && pwd)
jar=$app/quarkus-run.jar
archive=$app/app-cds.jsa
[ -f "$jar" ] || { echo "appcds.sh: $jar not found" >&2; exit 2; }

# The archive records the JVM's pointer modes, which follow the heap size: a JVM with a heap above 32 GB (the default
# on a build host with more than 128 GB of memory) runs without compressed oops and would write an archive that the
# service, started with a container-sized heap, silently ignores. So every JVM here gets a service-sized heap;
# APPCDS_JAVA_OPTS overrides it (keep it below 32 GB, like the service's).
opts=${APPCDS_JAVA_OPTS:--Xmx512m}

# The dynamic archive sits on top of the JDK's default (base) archive; some JDK builds ship without one. Writing one
# changes the JDK itself, so only where that is the point (the image build sets APPCDS_CREATE_BASE_ARCHIVE=true).
# shellcheck disable=SC2086
if ! java $opts -Xshare:on -version >/dev/null 2>&1; then
    if [ "${APPCDS_CREATE_BASE_ARCHIVE:-false}" != true ]; then
        echo "appcds.sh: this JDK has no usable default CDS archive;" \
            "set APPCDS_CREATE_BASE_ARCHIVE=true to write one" >&2
        exit 1
    fi
    echo "appcds.sh: this JDK has no usable default CDS archive; writing one"
    java $opts -Xshare:dump -Xlog:cds=off >/dev/null
fi

generate() {
    # shellcheck disable=SC2086
    QUARKUS_DATASOURCE_USERNAME=appcds-placeholder java $opts "$@" -Dquarkus.appcds.generate=true \
        -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar "$jar" >/dev/null 2>"$app/appcds.log" || {
        echo "appcds.sh: the service's static initialisation failed:" >&2
        cat "$app/appcds.log" >&2
        exit 1
    }
}
rm -f "$archive"
generate -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off
generate -Xshare:on -XX:SharedArchiveFile="$archive"
rm -f "$app/appcds.log"
echo "appcds.sh: $archive ($(du -k "$archive" | cut -f1) KiB) is usable by $(java -version 2>&1 | head -n 1)"
