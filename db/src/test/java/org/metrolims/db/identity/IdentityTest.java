package org.metrolims.db.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.REGION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;

/** The identity entry points against a real MariaDB: what they write is what they read back, mapped by name. */
class IdentityTest {

    static DSLContext dsl;
    static Organizations organizations;
    static Accounts accounts;
    static Signatures signatures;
    static ApiTokenRegister tokens;
    static long region;
    static long mass;
    static long length;

    @BeforeAll
    static void schema() {
        dsl = TestDatabase.newSchema(IdentityTest.class).dsl();
        organizations = new Organizations(new OrganizationRepository(dsl));
        accounts = new Accounts(new UserRepository(dsl));
        signatures = new Signatures(new SignatureRepository(dsl));
        tokens = new ApiTokenRegister(new ApiTokenRepository(dsl));
        region = dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE").returningResult(REGION.ID)
                .fetchSingle(REGION.ID);
        // sort order opposite to code order: the register lists a scope by code, the reference pages by sort order
        mass = discipline("ZZ-MASS", 1);
        length = discipline("AA-LENGTH", 2);
    }

    private static long discipline(String code, int sortOrder) {
        return dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, code).set(DISCIPLINE.NAME_ZH, code)
                .set(DISCIPLINE.NAME_EN, code).set(DISCIPLINE.SORT_ORDER, sortOrder).returningResult(DISCIPLINE.ID)
                .fetchSingle(DISCIPLINE.ID);
    }

    private static long organization(String code) {
        return organizations.add(code, new OrganizationDetails("实验室 " + code, "Lab " + code, "ACCREDITED_LAB", region,
                Optional.empty(), Optional.empty(), Optional.of("Street 1"), Optional.of("CNAS " + code),
                Optional.empty()), List.of(mass, length));
    }

    @Test
    void anOrganizationAddedToTheRegisterIsReadBackWithItsScopeInEachListsOrder() {
        long id = organization("ID-LAB");

        OrganizationRow row = organizations.find(id).orElseThrow();
        assertThat(row.code()).isEqualTo("ID-LAB");
        assertThat(row.regionCode()).isEqualTo("350000");
        assertThat(row.addressZh()).isEmpty();
        assertThat(row.addressEn()).contains("Street 1");
        assertThat(row.active()).isTrue();
        assertThat(row.scope()).containsExactly("AA-LENGTH", "ZZ-MASS");
        assertThat(organizations.search("CNAS ID-LAB", "", 10)).extracting(OrganizationRow::id).containsExactly(id);

        var page = organizations.find(Optional.of(OrganizationKind.ACCREDITED_LAB), Optional.empty(),
                new PageRequest(0, 10));
        assertThat(page.items()).filteredOn(o -> o.id() == id).singleElement()
                .satisfies(o -> assertThat(o.scope()).containsExactly("ZZ-MASS", "AA-LENGTH"));
        assertThat(organizations.scopeOf("ID-LAB")).containsExactly("ZZ-MASS", "AA-LENGTH");
        assertThat(organizations.names("ID-LAB")).contains(new OrganizationNames("实验室 ID-LAB", "Lab ID-LAB"));
        assertThat(organizations.idOfCode("ID-LAB")).contains(id);
        assertThat(organizations.accreditationTakenByAnother("CNAS ID-LAB", id)).isFalse();
        assertThat(organizations.accreditationTakenByAnother("CNAS ID-LAB", -1)).isTrue();
    }

    @Test
    void anAccountIsReadBackWithItsRolesAndItsSessionsEndWhenItIsDisabled() {
        long org = organization("ID-ACC");
        long id = accounts.create("id-user", "Id User", org, "{noop}x", List.of("TECHNICIAN", "LAB"));

        UserLogin login = accounts.login("id-user").orElseThrow();
        assertThat(login.id()).isEqualTo(id);
        assertThat(login.organizationCode()).isEqualTo("ID-ACC");
        assertThat(login.roles()).containsExactlyInAnyOrder("TECHNICIAN", "LAB");
        assertThat(accounts.find(id).orElseThrow().roles()).containsExactly("LAB", "TECHNICIAN");
        assertThat(accounts.signer(id).orElseThrow().technician()).isTrue();
        assertThat(accounts.organizationCodeOf("id-user")).contains("ID-ACC");

        long stamp = accounts.stampIfEnabled(id).orElseThrow();
        accounts.changeSecurityStamp(id);
        assertThat(accounts.stampIfEnabled(id)).contains(stamp + 1);
        accounts.setEnabled(id, false);
        assertThat(accounts.stampIfEnabled(id)).isEmpty();
        accounts.replaceRoles(id, Set.of("LAB"));
        assertThat(accounts.signer(id).orElseThrow().technician()).isFalse();
    }

    @Test
    void theLatestSignatureOfARecordWithAMeaningIsFoundAndTokensKeepTheirScopeCodes() {
        long org = organization("ID-SIG");
        long id = accounts.create("id-signer", "Id Signer", org, "{noop}x", List.of("OFFICER"));
        Instant first = Instant.parse("2026-01-05T08:00:00Z");
        signatures.store(id, "id-signer", "Id Signer", Meaning.PUBLISHED, "pt-round", "7", "a".repeat(64), first);
        Signature later = signatures.store(id, "id-signer", "Id Signer", Meaning.PUBLISHED, "pt-round", "7",
                "b".repeat(64), first.plusSeconds(60));
        signatures.store(id, "id-signer", "Id Signer", Meaning.REVIEWED, "pt-round", "7", "c".repeat(64),
                first.plusSeconds(120));

        assertThat(signatures.latest("pt-round", "7", Meaning.PUBLISHED)).contains(later);
        assertThat(signatures.latest("pt-round", "8", Meaning.PUBLISHED)).isEmpty();
        assertThat(signatures.of("pt-round", "7")).extracting(Signature::meaning)
                .containsExactly(Meaning.PUBLISHED, Meaning.PUBLISHED, Meaning.REVIEWED);
        assertThat(Signatures.sha256(Signatures.utf8("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        long token = tokens.add(id, "ci", "mlt_abcd", "d".repeat(64), Set.of("read:certificates", "write:results"),
                first, "admin", first.plusSeconds(3600));
        StoredApiToken stored = tokens.findByHash("d".repeat(64)).orElseThrow();
        assertThat(stored.id()).isEqualTo(token);
        assertThat(stored.scopes()).containsExactlyInAnyOrder("read:certificates", "write:results");
        assertThat(tokens.revoke(token, first.plusSeconds(10))).isTrue();
        assertThat(tokens.revoke(token, first.plusSeconds(20))).isFalse();
        assertThat(tokens.find(token).orElseThrow().revokedAt()).isEqualTo(first.plusSeconds(10));
    }
}
