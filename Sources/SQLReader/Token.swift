/// A lexical token of PostgreSQL SQL.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A keyword or unquoted identifier; `text` is lower-cased.
        case word
        /// A `"quoted identifier"`; `text` is the name without quotes.
        case quotedIdentifier
        /// A string constant (`'…'`, `E'…'`, `$tag$…$tag$`); `text` is the source text.
        case string
        case number
        /// Operators and punctuation other than `;`, e.g. `(`, `,`, `::`, `=`.
        case symbol
        case semicolon
    }

    public var kind: Kind
    public var text: String
    /// 1-based line where the token starts.
    public var line: Int
    /// Where the token lies in the source, in Unicode scalars.
    public var range: Range<Int>

    public init(kind: Kind, text: String, line: Int, range: Range<Int>) {
        self.kind = kind
        self.text = text
        self.line = line
        self.range = range
    }

    /// True for a word equal to `keyword` (lower case).
    public func isWord(_ keyword: String) -> Bool { kind == .word && text == keyword }
}
