import Foundation

/// The three forms of a conformance report.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A table for people.
    case text
    /// JUnit XML, as CI systems read it.
    case junit
    /// JSON with the same content.
    case json

    /// `reports` in this format.
    public func render(_ reports: [PluginReport]) -> String {
        switch self {
        case .text: return Self.text(reports)
        case .junit: return Self.junit(reports)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(reports)) ?? Data("[]".utf8), as: UTF8.self)
        }
    }

    private static func text(_ reports: [PluginReport]) -> String {
        var lines: [String] = []
        for report in reports {
            lines.append("\(report.plugin)")
            let width = report.results.map(\.id.count).max() ?? 10
            for result in report.results {
                let mark = result.outcome == .passed ? "pass" : result.outcome == .failed ? "FAIL" : "skip"
                var line =
                    "  \(mark)  \(result.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%6.2f s", result.seconds))"
                if !result.message.isEmpty { line += "  \(result.message)" }
                lines.append(line)
            }
            let failed = report.results.filter { $0.outcome == .failed }.count
            let skipped = report.results.filter { $0.outcome == .skipped }.count
            lines.append("  \(report.results.count - failed - skipped) passed, \(failed) failed, \(skipped) skipped")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func junit(_ reports: [PluginReport]) -> String {
        func escape(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": out += "?"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"newshost conformance\">\n"
        for report in reports {
            let failures = report.results.filter { $0.outcome == .failed }.count
            let skipped = report.results.filter { $0.outcome == .skipped }.count
            let time = report.results.reduce(0) { $0 + $1.seconds }
            let name = report.identity?.id ?? report.plugin
            xml +=
                "  <testsuite name=\"\(escape(name))\" tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", time))\">\n"
            var properties = [
                ("path", report.plugin), ("hostVersion", report.hostVersion), ("hostABI", report.hostABI),
            ]
            if let identity = report.identity {
                properties += [("version", identity.version), ("kind", identity.kind), ("abi", identity.abi)]
            }
            xml +=
                "    <properties>"
                + properties.map { "<property name=\"\($0.0)\" value=\"\(escape($0.1))\"/>" }.joined()
                + "</properties>\n"
            for result in report.results {
                xml +=
                    "    <testcase classname=\"newshost.conformance.level\(result.level)\" name=\"\(escape(result.id))\" time=\"\(String(format: "%.3f", result.seconds))\">"
                var caseProperties = (result.metrics ?? [:]).sorted { $0.key < $1.key }.map {
                    ($0.key, String($0.value))
                }
                if let hook = result.hook { caseProperties.append(("hook", hook)) }
                if let article = result.article { caseProperties.append(("article", article)) }
                if !caseProperties.isEmpty {
                    xml +=
                        "<properties>"
                        + caseProperties.map { "<property name=\"\($0.0)\" value=\"\(escape($0.1))\"/>" }.joined()
                        + "</properties>"
                }
                switch result.outcome {
                case .passed: break
                case .failed:
                    xml += "<failure message=\"\(escape(result.message))\">\(escape(result.summary))</failure>"
                case .skipped: xml += "<skipped message=\"\(escape(result.message))\"/>"
                }
                xml += "</testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }
}
