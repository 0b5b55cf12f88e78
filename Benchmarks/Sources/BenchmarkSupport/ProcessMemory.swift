import Foundation

/// This process's memory as the kernel counts it (`/proc/self/status`).
public enum ProcessMemory {
    /// A field of `/proc/self/status` in KiB: `VmRSS` (resident now),
    /// `VmHWM` (the peak since start or the last ``resetPeak()``); 0 when unreadable.
    public static func kibibytes(_ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// Resets the peak resident size the kernel keeps (Linux 4.0 and later).
    public static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
