import CatalogModel
import Crypto

/// The fingerprint of a catalog: SHA-256 (lower-case hex) of its canonical text, so equal
/// schemas have equal fingerprints whatever the server, OIDs or capture time.
public enum Fingerprint {
    /// The fingerprint of `catalog`: lower-case hex SHA-256 of its canonical text. Equal for
    /// equal schemas, whatever order they were captured in.
    public static func of(_ catalog: Catalog) -> String {
        var hasher = SHA256()
        CanonicalText.write(catalog) { hasher.update(bufferPointer: $0) }
        return hex(hasher.finalize())
    }

    /// The fingerprint of a catalog whose canonical text is `canonicalText`.
    public static func of(canonicalText: String) -> String {
        hex(SHA256.hash(data: Array(canonicalText.utf8)))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
