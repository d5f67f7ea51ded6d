/**
 * The library's members: who may borrow, and where to write to them.
 *
 * <p>Offers {@link io.seams.example.library.members.MemberService}: register a member, look one up,
 * suspend one. Owns the {@code library_member} table (migrations in {@code db/migration/members}).
 */
@ApplicationModule(
        displayName = "Members",
        allowedDependencies = {})
package io.seams.example.library.members;

import org.springframework.modulith.ApplicationModule;
