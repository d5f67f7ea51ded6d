package io.seams.example.library.members.internal;

import io.seams.example.library.members.MemberDetails;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

    // Written before the team moved to constructor injection; a known violation of the fitness
    // rule no-field-injection, recorded in src/test/resources/fitness-frozen.
    @Autowired
    private JdbcClient jdbc;

    public void insert(MemberDetails member) {
        jdbc.sql("INSERT INTO library_member (id, name, email, active) VALUES (:id, :name, :email, :active)")
                .paramSource(member)
                .update();
    }

    public Optional<MemberDetails> findById(UUID id) {
        return jdbc.sql("SELECT id, name, email, active FROM library_member WHERE id = :id")
                .param("id", id)
                .query(MemberDetails.class)
                .optional();
    }

    public void setActive(UUID id, boolean active) {
        jdbc.sql("UPDATE library_member SET active = :active WHERE id = :id")
                .param("id", id)
                .param("active", active)
                .update();
    }
}
