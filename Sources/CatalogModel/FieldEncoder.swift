/// Turns a catalog object into its ordered fields, by way of its `Codable` conformance, so the
/// field list can never drift from the stored properties. Absent optionals produce no field.
extension CatalogObject {
    /// All fields, key fields included, in declaration order; absent optionals left out.
    public var fields: [Field] { FieldEncoder.fields(of: self) }
}

enum FieldEncoder {
    static func fields<T: Encodable>(of value: T) -> [Field] {
        let encoder = FlatEncoder()
        // Catalog objects only hold strings, booleans, integers and string lists, which
        // FlatEncoder accepts; anything else is a programming error caught by the tests.
        try! value.encode(to: encoder)
        return encoder.storage.fields
    }
}

/// `camelCase` → `snake_case`, the field naming of snapshot columns and `show` output.
func snakeCase(_ name: String) -> String {
    let bytes = name.utf8
    guard bytes.contains(where: { $0 >= 65 && $0 <= 90 }) else { return name }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 4)
    for b in bytes {
        if b >= 65 && b <= 90 {
            out.append(95)  // "_"
            out.append(b + 32)
        } else {
            out.append(b)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private final class FieldStorage {
    var fields: [Field] = []
}

private struct UnsupportedField: Error {}

private struct FlatEncoder: Encoder {
    let storage = FieldStorage()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(FlatContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("catalog objects are flat records")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("catalog objects are flat records")
    }
}

private struct FlatContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: FieldStorage
    var codingPath: [any CodingKey] = []

    private func append(_ key: Key, _ value: FieldValue) {
        storage.fields.append(Field(name: snakeCase(key.stringValue), value: value))
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { append(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { append(key, .text(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { append(key, .integer(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { append(key, .integer(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: Int8, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: Int16, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: Int32, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: UInt, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { throw UnsupportedField() }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { throw UnsupportedField() }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard let list = value as? [String] else { throw UnsupportedField() }
        append(key, .list(list))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("catalog objects are flat records")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("catalog objects are flat records")
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("catalog objects are flat records") }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        preconditionFailure("catalog objects are flat records")
    }
}
