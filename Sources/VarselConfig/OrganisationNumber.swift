/// Norwegian organisation numbers (organisasjonsnummer, Enhetsregisteret): 9 digits, the last a
/// mod-11 check digit over the first eight with weights 3, 2, 7, 6, 5, 4, 3, 2.
///
/// Checked because a mistyped number in subscribers.toml would otherwise sit there unnoticed
/// until someone tries to match a subscriber against Altinn delegations or a support case.
public enum OrganisationNumber {
    private static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// `text` without the spaces people write for readability ("974 760 673"; also no-break
    /// spaces), or nil when what remains is not exactly 9 digits.
    public static func normalized(_ text: String) -> String? {
        let digits = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        return TextRules.isDigits(digits, count: 9) ? digits : nil
    }

    /// Whether the 9-digit string `digits` carries a correct check digit. A weighted sum whose
    /// remainder is 1 would need check digit 10: no number with that sum is ever issued, so it
    /// is invalid whatever its last digit.
    public static func hasValidCheckDigit(_ digits: String) -> Bool {
        let values = digits.unicodeScalars.compactMap { scalar -> Int? in
            ("0"..."9").contains(scalar) ? Int(scalar.value) - 48 : nil
        }
        guard values.count == 9, values.count == digits.unicodeScalars.count else { return false }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        let check = remainder == 0 ? 0 : 11 - remainder
        return check != 10 && check == values[8]
    }

    /// The normalized number, or the problem in one sentence (for a `FieldProblem`).
    static func validate(_ text: String) -> Result<String, FieldProblemText> {
        guard let digits = normalized(text) else {
            return .failure(
                FieldProblemText("\"\(TextRules.shown(text))\" is not an organisation number; write 9 digits, e.g. \"974760673\"")
            )
        }
        guard hasValidCheckDigit(digits) else {
            return .failure(FieldProblemText("\(digits) fails the mod-11 check (a typo?); see brreg.no for the right number"))
        }
        return .success(digits)
    }
}
