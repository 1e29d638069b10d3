import Crypto

/// SHA-256 over every stored value in storage order, length-prefixed, so a reader can tell
/// that the rows it read are exactly the rows written (`meta.content_checksum`) without
/// rebuilding the canonical text. Values are buffered and hashed in large chunks.
struct ContentChecksum {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func beginTable(_ name: String) {
        buffer.append(0xFF)
        appendBytes(name.utf8)
    }

    mutating func add(text: some Collection<UInt8>) {
        buffer.append(1)
        appendBytes(text)
    }

    mutating func add(integer: Int64) {
        buffer.append(2)
        withUnsafeBytes(of: integer.littleEndian) { buffer.append(contentsOf: $0) }
        flushIfFull()
    }

    mutating func addNull() { buffer.append(0) }

    /// The hex digest; call once, at the end.
    mutating func finalize() -> String {
        hasher.update(data: buffer)
        buffer.removeAll()
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private mutating func appendBytes(_ bytes: some Collection<UInt8>) {
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    private mutating func flushIfFull() {
        guard buffer.count >= 1 << 16 else { return }
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
