package io.seams.example.library.members;

import java.util.UUID;

/** A member as other modules see them. */
public record MemberDetails(UUID id, String name, String email, boolean active) {}
