/// A function, procedure, aggregate or window function, identified by its argument types.
public struct Function: CatalogObject {
    public static let kind = ObjectKind.function
    public static let keyCount = 3
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("name", .text),
        FieldSpec("arguments", .text),
        FieldSpec("function_kind", .text),
        FieldSpec("result", .text),
        FieldSpec("language", .text),
        FieldSpec("volatility", .text),
        FieldSpec("security_definer", .bool),
        FieldSpec("strict", .bool),
        FieldSpec("leakproof", .bool),
        FieldSpec("parallel", .text),
        FieldSpec("config", .list),
        FieldSpec("body", .text),
        FieldSpec("owner", .text),
        FieldSpec("comment", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(name), .text(arguments), .text(functionKind), result.map(FieldValue.text), .text(language),
            .text(volatility), .bool(securityDefiner), .bool(strict), .bool(leakproof), .text(parallel),
            config.map(FieldValue.list), body.map(FieldValue.text), .text(owner), comment.map(FieldValue.text),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), name: v.text(1), arguments: v.text(2), functionKind: v.text(3), result: v.optionalText(4),
            language: v.text(5), volatility: v.text(6), securityDefiner: v.bool(7), strict: v.bool(8), leakproof: v.bool(9),
            parallel: v.text(10), config: v.optionalList(11), body: v.optionalText(12), owner: v.text(13),
            comment: v.optionalText(14))
    }
    public var schema: String
    public var name: String
    /// `pg_get_function_identity_arguments`, e.g. `user_id uuid, amount numeric`.
    public var arguments: String
    /// `function`, `procedure`, `aggregate` or `window`.
    public var functionKind: String
    /// `pg_get_function_result`, e.g. `SETOF public.orders`; none for procedures.
    public var result: String?
    public var language: String
    /// `immutable`, `stable` or `volatile`.
    public var volatility: String
    public var securityDefiner: Bool
    public var strict: Bool
    public var leakproof: Bool
    /// `safe`, `restricted` or `unsafe`.
    public var parallel: String
    /// `SET` clauses (`proconfig`), e.g. `search_path=""`.
    public var config: [String]?
    /// The source text; for aggregates, the transition function and state type.
    public var body: String?
    public var owner: String
    public var comment: String?

    public init(
        schema: String, name: String, arguments: String, functionKind: String, result: String?,
        language: String, volatility: String, securityDefiner: Bool, strict: Bool,
        leakproof: Bool, parallel: String, config: [String]?, body: String?, owner: String,
        comment: String? = nil
    ) {
        self.schema = schema
        self.name = name
        self.arguments = arguments
        self.functionKind = functionKind
        self.result = result
        self.language = language
        self.volatility = volatility
        self.securityDefiner = securityDefiner
        self.strict = strict
        self.leakproof = leakproof
        self.parallel = parallel
        self.config = config
        self.body = body
        self.owner = owner
        self.comment = comment
    }

    public var path: String { qualifiedName(schema, name) + "(" + arguments + ")" }
    public var grantableID: String? { grantableObjectID("function", schema, quoteIdentifier(name) + "(" + arguments + ")") }
    public var naturalKey: [String] { [schema, name, arguments] }
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(schema, other.schema).nonZero ?? NaturalKeyOrder.compare(name, other.name).nonZero
            ?? NaturalKeyOrder.compare(arguments, other.arguments)
    }
    public var schemaName: String? { schema }
}
