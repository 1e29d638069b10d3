/// A Supabase Storage bucket (a row of `storage.buckets`): its access and upload limits,
/// never the files in it (`storage.objects`).
public struct StorageBucket: CatalogObject {
    public static let kind = ObjectKind.storageBucket
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<StorageBucket>] = [
        .init("id", \.id, since: 3),
        .init("name", \.name, since: 3),
        .init("public", \.isPublic, since: 3),
        .init("file_size_limit", \.fileSizeLimit, since: 3),
        .init("allowed_mime_types", \.allowedMimeTypes, since: 3),
    ]

    public init() {}

    public var id: String = ""
    public var name: String = ""
    /// Whether anyone with a file's URL can read it, without a policy or a token.
    public var isPublic: Bool = false
    /// The largest upload in bytes, as stored; none for the project's default.
    public var fileSizeLimit: String?
    /// The MIME types uploads may have, sorted; none for any.
    public var allowedMimeTypes: [String]?

    public init(
        id: String, name: String, isPublic: Bool, fileSizeLimit: String? = nil, allowedMimeTypes: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.isPublic = isPublic
        self.fileSizeLimit = fileSizeLimit
        self.allowedMimeTypes = allowedMimeTypes
    }

    public var path: String { id }
    public var naturalKey: [String] { [id] }
}
