package org.metrolims.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongPassphrase() {
        assertThat(PasswordPolicy.problem("lab1", "correct horse battery")).isEmpty();
    }

    @Test
    void refusesElevenCharactersAndAcceptsTwelve() {
        assertThat(PasswordPolicy.problem("lab1", "abcdefghij1")).contains("at least 12 characters");
        assertThat(PasswordPolicy.problem("lab1", "abcdefghij1k")).isEmpty();
    }

    @Test
    void countsCharactersNotBytesForTheMinimumAndBytesForTheBcryptMaximum() {
        // 12 Chinese characters are 36 bytes: long enough
        assertThat(PasswordPolicy.problem("lab1", "计量标准考核证书有效期内")).isEmpty();
        // 25 Chinese characters are 75 bytes: more than bcrypt reads
        assertThat(PasswordPolicy.problem("lab1", "计量标准考核证书有效期内计量标准考核证书有效期内计"))
                .contains("at most 72 bytes");
    }

    @Test
    void refusesTheUserNameInAnyCase() {
        assertThat(PasswordPolicy.problem("Technician-01", "technician-01")).contains("must not be the user name");
    }

    @Test
    void refusesACommonPassword() {
        assertThat(PasswordPolicy.problem("lab1", "Password1234")).contains("is a commonly used password");
    }

    @Test
    void refusesNoPasswordAtAll() {
        assertThat(PasswordPolicy.problem("lab1", null)).isPresent();
    }
}
