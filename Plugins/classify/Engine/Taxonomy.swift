import Foundation

/// A classification scheme: labels, each with weighted terms that point to
/// it and optional negative terms that point away, plus the calibration
/// that turns evidence into a score in [0, 1]. Read from JSON:
///
/// ```json
/// {
///   "name": "…",
///   "calibration": {"slope": 1.2, "offset": -2.5, "reference_length": 400},
///   "labels": [
///     {"id": "economy", "title": "经济与营商环境",
///      "terms": {"营商环境": 2.0, "企业": 0.5}, "negative": {"招聘": 1.0}}
///   ]
/// }
/// ```
public struct Taxonomy: Codable, Sendable, Equatable {
    /// How evidence becomes a score: `1 / (1 + exp(-(slope · x + offset)))`
    /// where `x` is the weighted term count divided by
    /// `sqrt(max(length, reference_length) / reference_length)`, so that long
    /// articles do not win on length alone.
    public struct Calibration: Codable, Sendable, Equatable {
        public var slope: Double
        public var offset: Double
        public var referenceLength: Double

        enum CodingKeys: String, CodingKey {
            case slope, offset
            case referenceLength = "reference_length"
        }
    }

    /// One label of the scheme.
    public struct Label: Codable, Sendable, Equatable {
        /// Stable identifier, used as the label name.
        public var id: String
        /// Human-readable title.
        public var title: String?
        /// Terms and their weights.
        public var terms: [String: Double]
        /// Terms that count against the label.
        public var negative: [String: Double]?
    }

    /// Name of the scheme.
    public var name: String
    /// Score calibration.
    public var calibration: Calibration
    /// The labels.
    public var labels: [Label]

    /// Why a taxonomy could not be used.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Decodes and checks a taxonomy from JSON bytes.
    public static func decode(_ data: Data, source: String) throws(Problem) -> Taxonomy {
        let taxonomy: Taxonomy
        do {
            taxonomy = try JSONDecoder().decode(Taxonomy.self, from: data)
        } catch {
            throw Problem(description: "\(source): not a valid taxonomy (\(Self.describe(error)))")
        }
        try taxonomy.validate(source: source)
        return taxonomy
    }

    /// Reads a taxonomy file.
    public static func load(path: String) throws(Problem) -> Taxonomy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot read the taxonomy file")
        }
        return try decode(data, source: path)
    }

    private func validate(source: String) throws(Problem) {
        guard !labels.isEmpty else { throw Problem(description: "\(source): the taxonomy has no labels") }
        var seen = Set<String>()
        for label in labels {
            guard !label.id.isEmpty, seen.insert(label.id).inserted else {
                throw Problem(description: "\(source): label id `\(label.id)` is empty or used twice")
            }
            guard !label.terms.isEmpty else {
                throw Problem(description: "\(source): label `\(label.id)` has no terms")
            }
            for (term, weight) in label.terms.merging(label.negative ?? [:], uniquingKeysWith: { $1 }) {
                guard !term.isEmpty, weight.isFinite, weight > 0 else {
                    throw Problem(
                        description: "\(source): label `\(label.id)` term `\(term)` needs a positive finite weight")
                }
            }
        }
        guard calibration.slope.isFinite, calibration.slope > 0, calibration.offset.isFinite,
            calibration.referenceLength.isFinite, calibration.referenceLength > 0
        else {
            throw Problem(
                description: "\(source): calibration needs a positive slope and reference_length and a finite offset")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key `\(key.stringValue)` at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return keys.isEmpty ? "the top level" : keys
    }
}
