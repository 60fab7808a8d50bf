package dev.newsroom.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords as the JDK's PBKDF2 with HMAC-SHA256 stores them, in the PHC string format passlib and others read:
 * {@code $pbkdf2-sha256$i=600000$<salt>$<hash>}, salt and hash in unpadded base64. The iteration count travels
 * with each hash, so raising {@link #ITERATIONS} later leaves existing users able to log in.
 */
final class PasswordHash {

    /** OWASP's 2023 advice for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    /** Checked against when the user does not exist, so that an unknown name takes as long as a wrong password. */
    private static final String UNKNOWN_USER = hash("not a password of anyone".toCharArray());

    private PasswordHash() {
    }

    static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return encode(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    static boolean matches(char[] password, String encoded) {
        Parsed parsed = parse(encoded);
        byte[] derived = derive(password, parsed.salt(), parsed.iterations());
        return MessageDigest.isEqual(derived, parsed.hash());
    }

    /** Spends the time of a check for a user that does not exist; always false. */
    static boolean matchesNobody(char[] password) {
        matches(password, UNKNOWN_USER);
        return false;
    }

    /** Refuses what is not a hash of this kind, so a users file with a plain password in it does not load. */
    static void check(String encoded) {
        parse(encoded);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        String problem = "not a $pbkdf2-sha256$i=ITERATIONS$SALT$HASH password hash (newsroom console user makes one)";
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException(problem);
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            throw new IllegalArgumentException(problem);
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = DECODER.decode(parts[1]);
            byte[] hash = DECODER.decode(parts[2]);
            if (iterations < 1 || salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException(problem);
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem, e);
        }
    }

    private static String encode(int iterations, byte[] salt, byte[] hash) {
        return PREFIX + iterations + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
