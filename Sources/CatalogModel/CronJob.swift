/// A pg_cron job (a row of `cron.job`): what runs, when, where and as whom. Never its run
/// history (`cron.job_run_details`), and never its job ID, which differs between databases.
public struct CronJob: CatalogObject {
    public static let kind = ObjectKind.cronJob
    public static let keyCount = 2
    public static let fields: [FieldDeclaration<CronJob>] = [
        .init("name", \.name, since: 3),
        .init("user_name", \.userName, since: 3),
        .init("named", \.named, since: 3),
        .init("schedule", \.schedule, since: 3),
        .init("command", \.command, since: 3),
        .init("database", \.database, since: 3),
        .init("active", \.active, since: 3),
    ]

    public init() {}

    /// The job name; for a job scheduled without one (`named` false), its schedule and command
    /// joined by a space, which is what identifies it across databases.
    public var name: String = ""
    /// The role it runs as.
    public var userName: String = ""
    /// Whether it was scheduled with a name.
    public var named: Bool = false
    /// The cron expression, e.g. `0 3 * * *`, or an interval such as `30 seconds`.
    public var schedule: String = ""
    /// The SQL it runs.
    public var command: String = ""
    /// The database it runs in.
    public var database: String = ""
    /// Whether pg_cron runs it (false after `cron.alter_job(..., active := false)`).
    public var active: Bool = false

    public init(
        name: String, userName: String, named: Bool = true, schedule: String, command: String, database: String,
        active: Bool = true
    ) {
        self.name = name
        self.userName = userName
        self.named = named
        self.schedule = schedule
        self.command = command
        self.database = database
        self.active = active
    }

    /// e.g. `nightly-cleanup (postgres)`.
    public var path: String { name + " (" + userName + ")" }
    public var naturalKey: [String] { [name, userName] }
}
