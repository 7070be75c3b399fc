//! Signing certificates: each application gets its own self-signed key pair, generated
//! here (rcgen on aws-lc-rs) and described for the UI (subject, serial, validity,
//! fingerprints). The private key leaves only as PKCS#8 DER inside `Sensitive`, for the
//! keychain; nothing in this module writes a private key to text.

use crate::hex_colon;
use gatehouse_secrets::Sensitive;
use rcgen::{
    CertificateParams, DistinguishedName, DnType, IsCa, KeyPair, KeyUsagePurpose, RsaKeySize, SerialNumber,
    PKCS_ECDSA_P256_SHA256, PKCS_RSA_SHA256,
};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use ts_rs::TS;
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;

/// Validity of a new certificate when the admin does not choose one: three years.
pub const DEFAULT_VALIDITY_DAYS: u32 = 1095;
/// Longest validity Gatehouse issues: ten years.
pub const MAX_VALIDITY_DAYS: u32 = 3650;
/// A new certificate's `notBefore` is this far in the past, so an SP whose clock lags a
/// little does not see a brand-new certificate as "not yet valid".
const BACKDATE: Duration = Duration::minutes(5);

/// Key type and size of a signing certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum KeyAlgorithm {
    /// RSA 2048-bit, signing with RSA-SHA256: what every SP accepts.
    #[default]
    Rsa2048,
    Rsa3072,
    Rsa4096,
    /// ECDSA on P-256, signing with ECDSA-SHA256. Small and fast; not every SP accepts it.
    P256,
}

/// What the UI shows about a certificate. Dates are RFC 3339 in UTC, fingerprints are
/// upper-case hex pairs separated by colons (`AB:01:…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CertificateInfo {
    /// The certificate as PEM (`-----BEGIN CERTIFICATE-----`), as exported in
    /// `certificate.pem`.
    pub pem: String,
    /// Subject distinguished name (`CN=Gatehouse Hoxhunt`).
    pub subject: String,
    /// Serial number, upper-case hex without separators.
    pub serial_hex: String,
    pub not_before: String,
    pub not_after: String,
    pub sha1_fingerprint: String,
    pub sha256_fingerprint: String,
    pub algorithm: KeyAlgorithm,
}

/// How close a certificate is to its `notAfter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExpiryLevel {
    /// Expires within 60 days.
    Days60,
    /// Expires within 30 days.
    Days30,
    /// Expires within 7 days.
    Days7,
    /// Already expired: SPs that check validity reject its signatures.
    Expired,
}

/// Why a certificate could not be generated or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    #[error("validity must be 1 to {MAX_VALIDITY_DAYS} days, not {0}")]
    InvalidValidity(u32),
    #[error("the certificate subject (common name) must not be empty")]
    EmptySubject,
    #[error("could not generate the key pair or certificate: {0}")]
    Generation(String),
    #[error("this is not PEM text: {0}")]
    NotPem(String),
    #[error("this PEM holds a {0}, not a certificate")]
    NotACertificate(String),
    #[error("the certificate cannot be read: {0}")]
    Invalid(String),
    #[error("unsupported certificate key: {0} (Gatehouse signs with RSA 2048/3072/4096 or ECDSA P-256)")]
    UnsupportedKey(String),
}

/// Generates a key pair and a self-signed certificate for `subject_cn`, valid for `days`
/// (1..=3650) from now. Returns the certificate's description and the private key as
/// PKCS#8 DER, to be put in the keychain.
pub fn generate(
    alg: KeyAlgorithm,
    days: u32,
    subject_cn: &str,
) -> Result<(CertificateInfo, Sensitive<Vec<u8>>), CertError> {
    if !(1..=MAX_VALIDITY_DAYS).contains(&days) {
        return Err(CertError::InvalidValidity(days));
    }
    let subject_cn = subject_cn.trim();
    if subject_cn.is_empty() {
        return Err(CertError::EmptySubject);
    }
    let generation = |e: rcgen::Error| CertError::Generation(e.to_string());
    let key = match alg {
        KeyAlgorithm::Rsa2048 => KeyPair::generate_rsa_for(&PKCS_RSA_SHA256, RsaKeySize::_2048),
        KeyAlgorithm::Rsa3072 => KeyPair::generate_rsa_for(&PKCS_RSA_SHA256, RsaKeySize::_3072),
        KeyAlgorithm::Rsa4096 => KeyPair::generate_rsa_for(&PKCS_RSA_SHA256, RsaKeySize::_4096),
        KeyAlgorithm::P256 => KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256),
    }
    .map_err(generation)?;

    let now = OffsetDateTime::now_utc().replace_nanosecond(0).expect("0 is a valid nanosecond");
    let mut params = CertificateParams::default();
    params.distinguished_name = DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, subject_cn);
    params.not_before = now - BACKDATE;
    params.not_after = now + Duration::days(i64::from(days));
    params.serial_number = Some(SerialNumber::from_slice(&random_serial()));
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    let cert = params.self_signed(&key).map_err(generation)?;

    let info = info_from_der(cert.der())?;
    Ok((info, Sensitive::new(key.serialize_der())))
}

/// 16 random bytes, positive and without a leading zero byte (RFC 5280: at most 20 octets,
/// positive, unpredictable).
fn random_serial() -> [u8; 16] {
    let mut serial = [0u8; 16];
    crate::random_bytes(&mut serial);
    serial[0] = (serial[0] & 0x7f) | 0x40;
    serial
}

/// Describes the first certificate in `pem`. Refuses private keys and other PEM blocks.
pub fn info_from_pem(pem: &str) -> Result<CertificateInfo, CertError> {
    info_from_der(&cert_der_from_pem(pem)?)
}

/// The DER bytes of the first PEM block, which must be a `CERTIFICATE`.
pub(crate) fn cert_der_from_pem(pem: &str) -> Result<Vec<u8>, CertError> {
    let (_, block) =
        x509_parser::pem::parse_x509_pem(pem.trim_start().as_bytes()).map_err(|e| CertError::NotPem(e.to_string()))?;
    if block.label != "CERTIFICATE" {
        let what =
            if block.label.contains("PRIVATE KEY") { "private key".to_owned() } else { block.label.to_lowercase() };
        return Err(CertError::NotACertificate(what));
    }
    Ok(block.contents)
}

/// Describes a DER certificate.
pub fn info_from_der(der: &[u8]) -> Result<CertificateInfo, CertError> {
    let (_, cert) = X509Certificate::from_der(der).map_err(|e| CertError::Invalid(e.to_string()))?;
    let validity = cert.validity();
    Ok(CertificateInfo {
        pem: pem_encode(der),
        subject: cert.subject().to_string(),
        serial_hex: cert.raw_serial().iter().map(|b| format!("{b:02X}")).collect(),
        not_before: rfc3339(validity.not_before.to_datetime())?,
        not_after: rfc3339(validity.not_after.to_datetime())?,
        sha1_fingerprint: hex_colon(
            aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY, der).as_ref(),
        ),
        sha256_fingerprint: hex_colon(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, der).as_ref()),
        algorithm: key_algorithm(&cert)?,
    })
}

/// Which of our signing algorithms a certificate's public key calls for.
pub(crate) fn key_algorithm(cert: &X509Certificate<'_>) -> Result<KeyAlgorithm, CertError> {
    let spki = cert.public_key();
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => {
            let modulus = rsa.modulus;
            let first = modulus.iter().position(|&b| b != 0).unwrap_or(modulus.len());
            let bytes = &modulus[first..];
            let bits = match bytes.first() {
                Some(b) => bytes.len() * 8 - b.leading_zeros() as usize,
                None => 0,
            };
            match bits {
                2048 => Ok(KeyAlgorithm::Rsa2048),
                3072 => Ok(KeyAlgorithm::Rsa3072),
                4096 => Ok(KeyAlgorithm::Rsa4096),
                other => Err(CertError::UnsupportedKey(format!("RSA {other}-bit"))),
            }
        }
        Ok(PublicKey::EC(_)) => {
            let curve = spki.algorithm.parameters.as_ref().and_then(|p| p.as_oid().ok());
            match curve {
                Some(oid) if oid == x509_parser::oid_registry::OID_EC_P256 => Ok(KeyAlgorithm::P256),
                Some(oid) => Err(CertError::UnsupportedKey(format!("EC curve {oid}"))),
                None => Err(CertError::UnsupportedKey("EC key without a named curve".into())),
            }
        }
        Ok(_) => Err(CertError::UnsupportedKey(spki.algorithm.algorithm.to_id_string())),
        Err(e) => Err(CertError::Invalid(e.to_string())),
    }
}

/// PEM with 64-character lines and LF endings.
pub(crate) fn pem_encode(der: &[u8]) -> String {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

fn rfc3339(t: OffsetDateTime) -> Result<String, CertError> {
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .map_err(|e| CertError::Invalid(format!("date out of range: {e}")))
}

/// The warning to show for a certificate that expires at `not_after`, seen at `now`;
/// `None` while more than 60 days remain.
pub fn expiry_warning(not_after: OffsetDateTime, now: OffsetDateTime) -> Option<ExpiryLevel> {
    let left = not_after - now;
    if left <= Duration::ZERO {
        Some(ExpiryLevel::Expired)
    } else if left <= Duration::days(7) {
        Some(ExpiryLevel::Days7)
    } else if left <= Duration::days(30) {
        Some(ExpiryLevel::Days30)
    } else if left <= Duration::days(60) {
        Some(ExpiryLevel::Days60)
    } else {
        None
    }
}

impl CertificateInfo {
    /// `not_after` as a time (it is RFC 3339 text in the struct).
    pub fn not_after_time(&self) -> Result<OffsetDateTime, CertError> {
        OffsetDateTime::parse(&self.not_after, &Rfc3339)
            .map_err(|e| CertError::Invalid(format!("notAfter {:?}: {e}", self.not_after)))
    }

    /// [`expiry_warning`] for this certificate.
    pub fn expiry_warning(&self, now: OffsetDateTime) -> Result<Option<ExpiryLevel>, CertError> {
        Ok(expiry_warning(self.not_after_time()?, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn expiry_levels_tighten_as_not_after_approaches() {
        let end = datetime!(2030-06-01 00:00 UTC);
        let at = |days: i64| expiry_warning(end, end - Duration::days(days));
        assert_eq!(at(61), None);
        assert_eq!(at(60), Some(ExpiryLevel::Days60));
        assert_eq!(at(31), Some(ExpiryLevel::Days60));
        assert_eq!(at(30), Some(ExpiryLevel::Days30));
        assert_eq!(at(8), Some(ExpiryLevel::Days30));
        assert_eq!(at(7), Some(ExpiryLevel::Days7));
        assert_eq!(at(1), Some(ExpiryLevel::Days7));
        assert_eq!(at(0), Some(ExpiryLevel::Expired));
        assert_eq!(at(-3), Some(ExpiryLevel::Expired));
    }

    #[test]
    fn validity_and_subject_are_checked_before_any_key_is_made() {
        for days in [0, MAX_VALIDITY_DAYS + 1] {
            assert_eq!(generate(KeyAlgorithm::P256, days, "x").unwrap_err(), CertError::InvalidValidity(days));
        }
        assert_eq!(generate(KeyAlgorithm::P256, 10, "  ").unwrap_err(), CertError::EmptySubject);
    }

    #[test]
    fn a_private_key_pem_is_not_a_certificate() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n";
        assert_eq!(info_from_pem(pem).unwrap_err(), CertError::NotACertificate("private key".into()));
        assert!(matches!(info_from_pem("hello"), Err(CertError::NotPem(_))));
    }

    #[test]
    fn generated_p256_certificate_describes_itself() {
        let (info, key) = generate(KeyAlgorithm::P256, 30, "Gatehouse Test").unwrap();
        assert_eq!(info.algorithm, KeyAlgorithm::P256);
        assert_eq!(info.subject, "CN=Gatehouse Test");
        assert_eq!(info.serial_hex.len(), 32);
        assert_eq!(info.sha1_fingerprint.len(), 20 * 3 - 1);
        assert_eq!(info.sha256_fingerprint.len(), 32 * 3 - 1);
        assert!(info.sha256_fingerprint.chars().all(|c| c == ':' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
        assert_eq!(info_from_pem(&info.pem).unwrap(), info, "the PEM must describe itself identically");
        let days = info.not_after_time().unwrap() - OffsetDateTime::parse(&info.not_before, &Rfc3339).unwrap();
        assert_eq!(days, Duration::days(30) + BACKDATE);
        assert!(!key.expose().is_empty());
        assert_eq!(format!("{key:?}"), "<redacted>");
    }
}
