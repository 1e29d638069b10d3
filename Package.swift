// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "schemasnap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schemasnap", targets: ["schemasnap"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "CatalogModel"),
        .target(name: "ParallelWork"),
        .target(name: "Interrupts"),
        .target(name: "SQLReader", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "PostgresInspector",
            dependencies: [
                "CatalogModel", "CLibPQ", "Interrupts", "SQLReader",
            ]
        ),
        .target(
            name: "SnapshotStore",
            dependencies: [
                "CatalogModel", "Interrupts",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Differ", dependencies: ["CatalogModel", "ParallelWork"]),
        .target(name: "Advisors", dependencies: ["CatalogModel", "SQLReader"]),
        .target(name: "Applier", dependencies: ["PostgresInspector", "Migrations", "SQLReader"]),
        .target(
            name: "Migrations",
            dependencies: ["CatalogModel", "SQLReader", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "SQLGenerator", dependencies: ["CatalogModel", "Differ"]),
        .target(name: "Reports", dependencies: ["CatalogModel", "Differ", "Migrations", "Advisors", "SnapshotStore"]),
        .target(
            name: "SchemasnapKit",
            dependencies: [
                "CatalogModel", "PostgresInspector", "SnapshotStore", "Differ", "Migrations", "Advisors", "Applier", "Reports",
                "SQLGenerator", "ParallelWork",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "schemasnap",
            dependencies: [
                "SchemasnapKit", "Advisors", "CatalogModel", "Migrations", "Reports", "SnapshotStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SchemasnapTests",
            dependencies: [
                "CatalogModel", "PostgresInspector", "SnapshotStore", "Differ", "Migrations", "Advisors", "Applier", "Reports",
                "SQLGenerator",
                "SQLReader", "SchemasnapKit", "schemasnap",
            ],
            path: "Tests/SchemasnapTests"
        ),
    ]
)
