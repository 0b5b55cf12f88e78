import CProcessSupport
import Foundation

/// How many CPUs a run may really use: the ones this process may run on
/// (`taskset`, a container's cpuset), further limited by a cgroup v2 CPU
/// quota (`docker --cpus`, Kubernetes limits, `spark.task.cpus` under YARN).
public enum CPUBudget {
    /// CPUs available to this process, at least 1.
    public static func available(cgroupRoot: String = "/sys/fs/cgroup") -> Int {
        let affinity = Int(nh_affinity_cpu_count())
        var cpus = affinity > 0 ? affinity : ProcessInfo.processInfo.activeProcessorCount
        if let quota = quotaCPUs(cgroupRoot: cgroupRoot) { cpus = min(cpus, quota) }
        return max(1, cpus)
    }

    /// The default `--jobs`: every available CPU, less one from four up, which
    /// the ordered exporter stage needs to itself (with fewer, the stages share).
    public static func defaultJobs() -> Int {
        let cpus = available()
        return cpus >= 4 ? cpus - 1 : cpus
    }

    /// The CPUs a cgroup v2 `cpu.max` quota allows, rounded up; nil when unlimited.
    static func quotaCPUs(cgroupRoot: String) -> Int? {
        guard let text = try? String(contentsOfFile: cgroupRoot + "/cpu.max", encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let quota = Double(fields[0]), let period = Double(fields[1]), period > 0 else {
            return nil
        }
        return max(1, Int((quota / period).rounded(.up)))
    }
}
