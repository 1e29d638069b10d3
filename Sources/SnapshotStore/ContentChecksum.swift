import Crypto

/// SHA-256 over every stored value in storage order, length-prefixed, so a reader can tell
/// that the rows it read are exactly the rows written (`meta.content_checksum`) without
/// rebuilding the canonical text. Values are gathered in a raw buffer and hashed in large
/// chunks (every value of a snapshot goes through here). Pass it `inout`: a copy would share
/// the buffer.
struct ContentChecksum {
    private static let capacity = 1 << 16
    private var hasher = SHA256()
    private let buffer = Buffer(capacity: capacity)
    private var used = 0

    mutating func beginTable(_ name: String) {
        put(0xFF)
        appendBytes(name.utf8)
    }

    mutating func add(text: some Collection<UInt8>) {
        put(1)
        appendBytes(text)
    }

    mutating func add(integer: Int64) {
        put(2)
        putWord(UInt64(bitPattern: integer))
    }

    mutating func addNull() { put(0) }

    /// The hex digest; call once, at the end.
    mutating func finalize() -> String {
        flush()
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private mutating func appendBytes(_ bytes: some Collection<UInt8>) {
        putWord(UInt64(bytes.count))
        if bytes.withContiguousStorageIfAvailable({ write(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { write($0) }
        }
    }

    private mutating func put(_ byte: UInt8) {
        if used == Self.capacity { flush() }
        buffer.bytes[used] = byte
        used += 1
    }

    /// `word` little-endian, as eight bytes.
    private mutating func putWord(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { write($0) }
    }

    private mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        if used + bytes.count > Self.capacity { flush() }
        if bytes.count > Self.capacity {
            hasher.update(bufferPointer: bytes)
            return
        }
        (buffer.bytes.baseAddress! + used).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        used += bytes.count
    }

    private mutating func flush() {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer.bytes[..<used]))
        used = 0
    }

    /// The gathering buffer, freed with the last checksum holding it.
    private final class Buffer {
        let bytes: UnsafeMutableRawBufferPointer
        init(capacity: Int) { bytes = .allocate(byteCount: capacity, alignment: 8) }
        deinit { bytes.deallocate() }
    }
}
