import Testing
import VarselConfig

@Suite struct OrganisationNumberTests {
    /// Oslo, Bergen and Trondheim kommune and KS, as registered in Enhetsregisteret.
    @Test(arguments: ["974760673", "964338531", "942110464", "971032146"])
    func realOrganisationNumbersPassTheCheck(number: String) {
        #expect(OrganisationNumber.hasValidCheckDigit(number))
    }

    @Test func everySingleDigitChangeFailsTheCheck() {
        let oslo = Array("974760673")
        for position in oslo.indices {
            for digit in "0123456789" where digit != oslo[position] {
                var changed = oslo
                changed[position] = digit
                #expect(!OrganisationNumber.hasValidCheckDigit(String(changed)), "\(String(changed))")
            }
        }
    }

    /// 9123456 7: weighted sum 3*9+2*1+7*2+6*3+5*4+4*5+3*6+2*7 = 133, remainder 1, check digit
    /// would be 10: no last digit makes it valid.
    @Test func numbersWhoseSumLeavesRemainderOneAreAlwaysInvalid() {
        for digit in 0...9 {
            #expect(!OrganisationNumber.hasValidCheckDigit("91234567\(digit)"))
        }
        #expect(OrganisationNumber.hasValidCheckDigit("912345688"))
    }

    @Test func spacesAreDroppedButOtherCharactersAreNot() {
        #expect(OrganisationNumber.normalized("974 760 673") == "974760673")
        #expect(OrganisationNumber.normalized("974\u{00A0}760\u{00A0}673") == "974760673")
        #expect(OrganisationNumber.normalized("974-760-673") == nil)
        #expect(OrganisationNumber.normalized("97476067") == nil)
        #expect(OrganisationNumber.normalized("NO974760673") == nil)
        #expect(!OrganisationNumber.hasValidCheckDigit("97476067a"))
    }
}
