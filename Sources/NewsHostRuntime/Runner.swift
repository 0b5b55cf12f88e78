import Foundation
import NewsHostCore
import PluginHost

/// Reads inputs, parses them and sends every article through a chain.
public struct Runner {
    /// How inputs become pages.
    public var reader: PageReader
    /// What a failing article does to the run.
    public var policy: ErrorPolicy
    /// Called with every problem as it happens (for stderr).
    public var onProblem: (String) -> Void

    /// Creates a runner.
    public init(reader: PageReader = PageReader(), policy: ErrorPolicy = .stop, onProblem: @escaping (String) -> Void) {
        self.reader = reader
        self.policy = policy
        self.onProblem = onProblem
    }

    /// Runs every input through `chain`, then finishes the chain. Input
    /// problems are reported and skipped; a plugin failure stops the run or
    /// skips the article, as ``policy`` says. `finish` is always called, so
    /// exporters commit output complete for the articles that went through.
    public func run(_ inputs: [InputSource], through chain: Chain) -> RunReport {
        let start = Date()
        var report = RunReport()
        inputLoop: for input in inputs {
            let page: Page
            do {
                page = try reader.read(input)
            } catch let error as InputError {
                report.inputProblems.append(error)
                onProblem(error.description)
                continue
            } catch {
                let problem = InputError.unreadable(path: input.displayPath, reason: "\(error)")
                report.inputProblems.append(problem)
                onProblem(problem.description)
                continue
            }
            report.inputsRead += 1
            for article in page.articles {
                report.articlesRead += 1
                do {
                    _ = try chain.process(article)
                    report.articlesCompleted += 1
                } catch {
                    report.pluginFailures.append(error)
                    onProblem(error.description + (policy == .skip ? "; article skipped" : "; stopping (use --on-error skip to go on)"))
                    if policy == .stop {
                        report.stoppedEarly = true
                        break inputLoop
                    }
                }
            }
        }
        for failure in chain.finish() {
            report.pluginFailures.append(failure)
            onProblem(failure.description)
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
