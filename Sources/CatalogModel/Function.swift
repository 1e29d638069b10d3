/// A function, procedure, aggregate or window function, identified by its argument types.
public struct Function: CatalogObject {
    public static let kind = ObjectKind.function
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<Function>] = [
        .init("schema", \.schema),
        .init("name", \.name),
        .init("arguments", \.arguments),
        .init("function_kind", \.functionKind),
        .init("result", \.result),
        .init("language", \.language),
        .init("volatility", \.volatility),
        .init("security_definer", \.securityDefiner),
        .init("strict", \.strict),
        .init("leakproof", \.leakproof),
        .init("parallel", \.parallel),
        .init("config", \.config),
        .init("body", \.body),
        .init("aggregate_options", \.aggregateOptions, since: 3),
        .init("owner", \.owner),
        .init("comment", \.comment),
    ]

    public init() {}

    public var schema: String = ""
    public var name: String = ""
    /// `pg_get_function_identity_arguments`, e.g. `user_id uuid, amount numeric`.
    public var arguments: String = ""
    /// `function`, `procedure`, `aggregate` or `window`.
    public var functionKind: String = ""
    /// `pg_get_function_result`, e.g. `SETOF public.orders`; none for procedures.
    public var result: String?
    public var language: String = ""
    /// `immutable`, `stable` or `volatile`.
    public var volatility: String = ""
    public var securityDefiner: Bool = false
    public var strict: Bool = false
    public var leakproof: Bool = false
    /// `safe`, `restricted` or `unsafe`.
    public var parallel: String = ""
    /// `SET` clauses (`proconfig`), e.g. `search_path=""`.
    public var config: [String]?
    /// The source text; for aggregates, the transition function and state type.
    public var body: String?
    /// An aggregate's `CREATE AGGREGATE` options *(format 3)*, e.g.
    /// `SFUNC = public.num_add, STYPE = numeric, INITCOND = '0', PARALLEL = SAFE`.
    public var aggregateOptions: String?
    public var owner: String = ""
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
