import Foundation

/// The JSON every report prints: pretty, keys sorted and snake_case, times in ISO 8601, one
/// trailing newline, so equal reports are byte-identical.
public func reportJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    // Report documents hold only strings, numbers, booleans, dates and collections of them.
    return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
}
