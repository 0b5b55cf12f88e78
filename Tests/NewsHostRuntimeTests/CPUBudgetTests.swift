import Foundation
import NewsHostTestSupport
import Testing

@testable import NewsHostRuntime

@Suite struct CPUBudgetTests {
    private func cgroup(_ cpuMax: String?) throws -> String {
        let directory = try TestPaths.temporaryDirectory()
        if let cpuMax { try Data(cpuMax.utf8).write(to: directory.appendingPathComponent("cpu.max")) }
        return directory.path
    }

    @Test func aCgroupQuotaLimitsTheCPUsRoundedUp() throws {
        #expect(CPUBudget.quotaCPUs(cgroupRoot: try cgroup("150000 100000\n")) == 2)
        #expect(CPUBudget.quotaCPUs(cgroupRoot: try cgroup("50000 100000\n")) == 1)
        #expect(CPUBudget.quotaCPUs(cgroupRoot: try cgroup("max 100000\n")) == nil)
        #expect(CPUBudget.quotaCPUs(cgroupRoot: try cgroup(nil)) == nil)
        #expect(CPUBudget.available(cgroupRoot: try cgroup("50000 100000\n")) == 1)
    }

    @Test func theDefaultJobsFollowTheAffinityMask() throws {
        // One CPU by affinity: one job, whatever the machine has.
        let result = try Command.run(
            "/usr/bin/taskset", ["-c", "0", TestPaths.newshost, "run", "--plugins", "export-csv", TestPaths.seeds.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(1 job,"), "\(result.stderr)")
    }
}
