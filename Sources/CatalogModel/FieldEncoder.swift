/// Turns a catalog object into its ordered fields, by way of its `Codable` conformance, so the
/// field list can never drift from the stored properties. Absent optionals produce no field.
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
    var out = ""
    for ch in name {
        if ch.isUppercase {
            out += "_" + ch.lowercased()
        } else {
            out.append(ch)
        }
    }
    return out
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
