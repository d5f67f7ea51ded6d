package io.seams.example.library.members;

import io.seams.example.library.members.internal.MemberRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about members. */
@Service
public class MemberService {

    private final MemberRepository members;

    MemberService(MemberRepository members) {
        this.members = members;
    }

    @Transactional
    public MemberDetails register(String name, String email) {
        var member = new MemberDetails(UUID.randomUUID(), name, email, true);
        members.insert(member);
        return member;
    }

    public Optional<MemberDetails> findMember(UUID id) {
        return members.findById(id);
    }

    @Transactional
    public void suspend(UUID id) {
        members.setActive(id, false);
    }
}
