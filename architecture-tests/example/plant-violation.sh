#!/usr/bin/env bash
# Proves that the fitness rules stop a build that breaks them. Copies this example application to a
# temporary folder, plants one class there that breaks two rules (it reaches into the members module's
# internals, which notifications may not use, through an @Autowired field, a rule whose known violations
# are frozen), builds the copy's architecture tests, and checks that the build fails, naming both rules,
# the planted file and a fix. The example itself is not touched.
#
# Usage, from anywhere, after ./mvnw -f architecture-tests/pom.xml install:
#   bash architecture-tests/example/plant-violation.sh [maven options]     e.g. -o (offline), -B -ntp (CI)
set -euo pipefail

example="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$example/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tar -C "$example" --exclude=./target -cf - . | tar -C "$work" -xf -
planted="$work/src/main/java/io/seams/example/library/notifications/internal/OverdueReminders.java"
cat > "$planted" <<'JAVA'
package io.seams.example.library.notifications.internal;

import io.seams.example.library.members.internal.MemberRepository;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

@Component
class OverdueReminders {

    @Autowired
    private MemberRepository members;

    boolean canRemind(UUID memberId) {
        return members.findById(memberId).isPresent();
    }
}
JAVA

log="$work/build.log"
echo "plant-violation: building a copy of the example with $(basename "$planted") planted ..."
if (cd "$root" && ./mvnw -q "$@" -f "$work/pom.xml" verify -Dtest=ArchitectureFitnessTests) >"$log" 2>&1; then
    echo "plant-violation: FAILED: the build passed with a planted violation" >&2
    exit 1
fi

missing=()
expect() { # description, fixed string that must be in the build's output
    grep -qF -- "$2" "$log" || missing+=("$1: '$2'")
}
expect "rule module-apis failed" "Rule 'Modules use only the APIs of their declared dependencies"
expect "rule no-field-injection (frozen) failed on the new violation only" "Rule 'No field injection"
expect "the frozen violation is still tolerated" "No field injection, because a dependency hidden in a field is one nobody sees when the module is cut out' was violated (1 times)"
expect "the planted class is named" "via io.seams.example.library.notifications.internal.OverdueReminders ->"
expect "the planted file is named" "(OverdueReminders.java:"
expect "the message says how to fix it" "Fix: use the other module's API"
# The XML report names each rule's test by the rule's id (pom.xml: usePhrasedTestCaseMethodName).
report="$work/target/surefire-reports/TEST-io.seams.example.library.ArchitectureFitnessTests.xml"
for id in module-apis no-field-injection; do
    grep -A1 -F "<testcase name=\"fitness() $id\"" "$report" 2>/dev/null | grep -q "<failure" \
        || missing+=("a failure of rule $id in $(basename "$report")")
done
if ((${#missing[@]})); then
    echo "plant-violation: FAILED: the build failed, but its output lacks:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    echo "--- last lines of the build:" >&2
    tail -40 "$log" >&2
    exit 1
fi
echo "plant-violation: OK: the build failed as it should:"
grep -E "^\[ERROR\] +ArchitectureFitnessTests|^(Module|Field).*OverdueReminders" "$log" | cut -c1-200 | sort -u
