package io.wordstream.console.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A cluster's certificate authority: its own self-signed certificate, and the node and client certificates it
 * signs. RSA 2048 and SHA-256, as CockroachDB's {@code cert} commands make them; every structure is built by
 * BouncyCastle.
 */
public final class CertificateAuthority {
    /** How long a new CA lasts: longer than the certificates it signs, which are replaced sooner. */
    public static final Duration CA_LIFETIME = Duration.ofDays(10 * 366);
    /** How long a node or client certificate lasts. */
    public static final Duration CERT_LIFETIME = Duration.ofDays(5 * 366);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A certificate valid from a little before it was made: clocks of the cluster's hosts differ a little. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final X509Certificate certificate;
    private final PrivateKey key;

    CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A certificate and the key it was made for. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    /** A new CA valid from {@code now} for {@code lifetime}. */
    public static CertificateAuthority create(Instant now, Duration lifetime) {
        KeyPair pair = keyPair();
        X500Name name = name("wordstream CA " + Long.toHexString(RANDOM.nextLong() & 0xffffffffL));
        try {
            X509v3CertificateBuilder b = builder(name, name, pair.getPublic(), now, lifetime);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(sign(b, pair.getPrivate()), pair.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a CA certificate", e);
        }
    }

    /**
     * A node certificate: the server side of a host's listeners and its client side towards the other members
     * (brokers talk to each other and to controllers). Its subject alternative names are {@code names}: IP
     * addresses as IP names, anything else as a DNS name.
     */
    public Issued issueNode(List<String> names, Instant now, Duration lifetime) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a node certificate needs at least one address or name");
        }
        List<GeneralName> alternatives = new ArrayList<>();
        for (String n : names) {
            alternatives.add(IPAddress.isValid(n) ? new GeneralName(GeneralName.iPAddress, n)
                    : new GeneralName(GeneralName.dNSName, n));
        }
        return issue(name("node"), now, lifetime, new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth,
            KeyPurposeId.id_kp_clientAuth}, new GeneralNames(alternatives.toArray(GeneralName[]::new)));
    }

    /** A client certificate for {@code user}: who a console, a job or an operator's tool is to the brokers. */
    public Issued issueClient(String user, Instant now, Duration lifetime) {
        return issue(name(user), now, lifetime, new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, null);
    }

    private Issued issue(X500Name subject, Instant now, Duration lifetime, KeyPurposeId[] purposes,
                         GeneralNames alternatives) {
        KeyPair pair = keyPair();
        try {
            X509v3CertificateBuilder b = builder(X500Name.getInstance(certificate.getSubjectX500Principal()
                    .getEncoded()), subject, pair.getPublic(), now, lifetime);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
            if (alternatives != null) {
                b.addExtension(Extension.subjectAlternativeName, false, alternatives);
            }
            return new Issued(sign(b, key), pair.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a certificate for " + subject, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey key() {
        return key;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey publicKey,
                                                    Instant now, Duration lifetime) {
        // A random positive 127-bit serial: unique without a counter to keep.
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(lifetime)), subject, publicKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with the CA's key", e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "wordstream")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }
}
