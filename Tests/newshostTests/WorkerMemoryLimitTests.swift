import Foundation
import NewsHostTestSupport
import Testing

/// `run --isolate --worker-memory MB`: a plugin that needs more memory fails
/// on its articles, in its worker, and the run goes on. Left out of the
/// sanitizer passes of CI: a sanitizer's own mappings count against
/// RLIMIT_DATA, so such builds refuse the option.
@Suite struct WorkerMemoryLimitTests {
    @Test func aWorkerMemoryLimitFailsTheArticleNotTheHost() throws {
        let directory = try TestPaths.temporaryDirectory()
        let plugin = try PluginCompiler.fixture("hog", defines: ["HOG_MB=256"], into: directory)
        let out = directory.appendingPathComponent("out.csv")
        let limited = try Command.newshost([
            "run", "--plugins", "\(plugin),export-csv", "--option", "export-csv.path=\(out.path)",
            "--isolate", "--worker-memory", "128", "--on-error", "skip", TestPaths.seeds.path,
        ])
        #expect(limited.status == 0, "skipped as asked: \(limited.stderr)")
        #expect(limited.stderr.contains("plugin hog: failed on article"))
        #expect(limited.stderr.contains("\(TestPaths.seedArticleCount) plugin failures"), "\(limited.stderr)")
        let refused = try Command.newshost([
            "run", "--plugins", "classify,export-csv", "--worker-memory", "128", TestPaths.seeds.path,
        ])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("add --isolate"))
    }
}
