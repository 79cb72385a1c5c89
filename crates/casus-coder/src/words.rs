//! Closed-class English words and the token classes the coder uses.

/// The grammatical class of a token, as far as the coder needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    /// the, a, an, this, these, some, ...
    Det,
    /// Possessive determiner: their, its, his, her, our, my, your.
    PossPron,
    /// 's or a bare possessive apostrophe.
    PossMark,
    /// Personal pronoun: they, them, it, he, him, she, we, us.
    Pron,
    /// Preposition.
    Prep,
    /// "to".
    To,
    /// Forms of "be".
    Be,
    /// Forms of "have".
    Have,
    /// Forms of "do".
    Do,
    /// will, would, can, could, may, might, must, shall, should.
    Modal,
    /// not, n't, never.
    Neg,
    /// and, or, nor, but, plus "as well as" handled separately.
    Conj,
    /// Subordinating conjunction: while, because, although, if, when, ...
    Sub,
    /// who, which, that, whom, whose.
    Rel,
    /// Adverbs that may sit between subject and verb.
    Adv,
    /// ","
    Comma,
    /// ";" or ":" or a dash.
    Break,
    /// Quotation marks.
    Quote,
    /// "(" or ")".
    Paren,
    /// Sentence-final punctuation.
    End,
    /// Other punctuation.
    Punct,
    /// A number.
    Number,
    /// Any other word.
    Word,
}

pub(crate) fn classify(lower: &str, is_number: bool, is_punct: bool) -> Class {
    if is_number {
        return Class::Number;
    }
    if is_punct {
        return match lower {
            "," => Class::Comma,
            ";" | ":" | "-" | "--" | "\u{2014}" | "\u{2013}" | "//" => Class::Break,
            "\"" | "\u{201c}" | "\u{201d}" | "'" | "\u{2018}" | "\u{2019}" | "\u{00ab}" | "\u{00bb}" => Class::Quote,
            "(" | ")" | "[" | "]" => Class::Paren,
            "." | "!" | "?" | "..." | "\u{2026}" => Class::End,
            _ => Class::Punct,
        };
    }
    match lower {
        "the" | "a" | "an" | "this" | "these" | "those" | "some" | "several" | "many" | "few" | "all" | "both"
        | "each" | "every" | "any" | "no" | "another" | "other" | "such" | "most" | "more" | "much" | "either"
        | "neither" => Class::Det,
        "their" | "its" | "his" | "her" | "our" | "my" | "your" => Class::PossPron,
        "'s" | "'" | "\u{2019}s" => Class::PossMark,
        "they" | "them" | "it" | "he" | "him" | "she" | "we" | "us" | "i" | "me" | "you" | "themselves" | "itself"
        | "himself" | "herself" => Class::Pron,
        "to" => Class::To,
        "of" | "in" | "on" | "at" | "by" | "for" | "with" | "from" | "into" | "onto" | "against" | "about" | "over"
        | "under" | "between" | "among" | "amid" | "amidst" | "across" | "through" | "during" | "toward"
        | "towards" | "near" | "inside" | "outside" | "within" | "without" | "including" | "via" | "behind"
        | "beyond" | "along" | "around" | "upon" | "despite" | "like" | "unlike" | "per" | "than" | "throughout"
        | "alongside" | "beside" | "besides" | "except" | "regarding" | "concerning" | "following" | "up" | "out"
        | "off" | "down" => Class::Prep,
        "be" | "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'re" | "'m" => Class::Be,
        "have" | "has" | "had" | "having" | "'ve" => Class::Have,
        "do" | "does" | "did" => Class::Do,
        "will" | "would" | "can" | "could" | "may" | "might" | "must" | "shall" | "should" | "'ll" | "'d" | "ca"
        | "wo" => Class::Modal,
        "not" | "n't" | "never" => Class::Neg,
        "and" | "or" | "nor" | "but" | "&" | "yet" => Class::Conj,
        "while" | "because" | "although" | "though" | "if" | "when" | "whereas" | "unless" | "since" | "until"
        | "after" | "before" | "as" | "once" | "whether" | "where" | "so" | "till" => Class::Sub,
        "who" | "which" | "that" | "whom" | "whose" => Class::Rel,
        "also" | "already" | "reportedly" | "allegedly" | "now" | "then" | "still" | "again" | "just" | "later"
        | "earlier" | "recently" | "repeatedly" | "jointly" | "formally" | "officially" | "publicly"
        | "reportedly," | "dramatically" | "finally" | "today" | "yesterday" | "tomorrow" | "apparently"
        | "previously" | "immediately" | "quickly" | "once again" | "even" | "only" | "largely" | "mainly"
        | "partly" | "openly" | "fiercely" | "heavily" | "briefly" | "effectively" | "eventually" | "subsequently"
        | "further" | "sharply" | "strongly" | "very" | "swiftly" | "simultaneously" | "reportedly had"
        | "overnight" | "unilaterally" | "secretly" | "allegedly had" | "directly" | "indirectly" | "ever"
        | "really" | "certainly" | "surely" | "unexpectedly" | "clearly" | "actually" | "soon" => Class::Adv,
        _ => Class::Word,
    }
}

/// Personal pronouns and their number: `Some(true)` plural, `Some(false)` singular.
pub(crate) fn pronoun_number(lower: &str) -> Option<bool> {
    match lower {
        "they" | "them" | "their" | "themselves" => Some(true),
        "it" | "its" | "itself" | "he" | "him" | "his" | "himself" | "she" | "her" | "herself" => Some(false),
        _ => None,
    }
}

/// Whether a personal pronoun refers to a person (he/she) rather than a thing or group.
pub(crate) fn pronoun_is_personal(lower: &str) -> bool {
    matches!(lower, "he" | "him" | "his" | "himself" | "she" | "her" | "herself")
}

/// Verbs after which an infinitive still reports a realized action ("continued to shell").
pub(crate) fn realizing_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "continue"
            | "begin"
            | "start"
            | "resume"
            | "manage"
            | "keep"
            | "proceed"
            | "go"
            | "move"
            | "help"
            | "be"
            | "have"
            // "The Security Council voted to lift the embargo": a body's vote is its act.
            | "vote"
    )
}

/// Verbs that tell someone something ("warned the United States that it would"): the
/// clause after the one told is the teller's.
pub(crate) fn telling_verb(lemma: &str) -> bool {
    matches!(lemma, "warn" | "tell" | "assure" | "inform" | "remind" | "notify" | "caution" | "promise")
}

/// Verbs whose compound subject acts on itself when no target is named: "Ethiopia and
/// Eritrea signed a peace deal", "Armenia and Azerbaijan clashed".
pub(crate) fn reciprocal_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "meet"
            | "talk"
            | "negotiate"
            | "discuss"
            | "confer"
            | "consult"
            | "clash"
            | "fight"
            | "skirmish"
            | "wrangle"
            | "spat"
            | "sign"
            | "agree"
            | "cooperate"
            | "collaborate"
            | "exchange"
            | "share"
            | "swap"
            | "restore"
            | "normalize"
            | "normalise"
            | "resume"
            | "hold"
            | "reconcile"
            | "ally"
            | "trade"
            | "spar"
            | "feud"
            | "quarrel"
            | "bargain"
            | "ink"
            | "conclude"
            | "reach"
            | "establish"
            | "sever"
            | "cut"
            | "break"
            | "hold talks"
            | "engage"
            | "battle"
            | "exchanged"
            | "conduct"
            | "stage"
            | "mediate"
    )
}

/// Modals that make an action hypothetical.
pub(crate) fn hypothetical_modal(lower: &str) -> bool {
    matches!(lower, "would" | "could" | "may" | "might" | "should" | "'d" | "must")
}

/// Nouns that refer back to the most recent group or organisation ("the group").
pub(crate) fn is_group_anaphor(lower: &str) -> bool {
    matches!(
        lower,
        "group" | "movement" | "organisation" | "organization" | "militia" | "faction" | "alliance" | "coalition"
    )
}

/// A day of the week, lower-case.
pub(crate) fn is_weekday(lower: &str) -> bool {
    matches!(lower, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// Number words that count a noun phrase ("two officials", "dozens of").
pub(crate) fn is_number_word(lower: &str) -> bool {
    matches!(
        lower,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "dozen"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "several"
            | "many"
    )
}

/// Nouns for those who speak or act for an organisation or state, singular or plural:
/// "a spokesman for the government", "the group's leader", "Hamas negotiators".
pub(crate) fn speaks_for(lower: &str) -> bool {
    let lemma = match lower {
        "spokesmen" => "spokesman",
        "chairmen" => "chairman",
        "spokeswomen" => "spokeswoman",
        "leadership" | "statement" | "chairs" => lower,
        _ => lower.strip_suffix('s').unwrap_or(lower),
    };
    matches!(
        lemma,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "representative"
            | "delegate"
            | "delegation"
            | "member"
            | "head"
            | "chief"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "chair"
            | "director"
            | "director-general"
            | "secretary-general"
            | "commissioner"
            | "envoy"
            | "mediator"
            | "leader"
            | "leadership"
            | "negotiator"
            | "aide"
            | "adviser"
            | "advisor"
            | "lawyer"
            | "statement"
            | "office"
            | "inspector"
            | "investigator"
            | "monitor"
            | "expert"
            | "observer"
            // ("Two officers of Russia's GRU poisoned": those who serve it.)
            | "officer"
            | "operative"
            | "agent"
            // ("The accusations committee of Colombia's House of Representatives opened")
            | "committee"
            | "subcommittee"
            | "panel"
    )
}

/// Nouns for people who act for a side, transparent after an actor word: "Colombian
/// government negotiators", "Hamas delegates" act as the government and Hamas.
pub(crate) fn is_representative_head(lower: &str) -> bool {
    matches!(
        lower,
        "negotiator"
            | "negotiators"
            | "delegate"
            | "delegates"
            | "delegation"
            | "delegations"
            | "representative"
            | "representatives"
            | "spokesman"
            | "spokesmen"
            | "spokeswoman"
            | "spokeswomen"
            | "spokesperson"
            | "mediator"
            | "mediators"
            | "emissary"
            | "emissaries"
    )
}

/// Agent nouns that name a body, not a person: "he" cannot refer to them.
pub(crate) fn is_collective(lower: &str) -> bool {
    matches!(
        lower,
        "regime"
            | "government"
            | "army"
            | "military"
            | "authority"
            | "authorities"
            | "administration"
            | "opposition"
            | "police"
            | "parliament"
            | "ministry"
            | "court"
            | "cabinet"
            | "council"
            | "junta"
            | "force"
            | "forces"
            | "navy"
            | "air force"
            | "party"
            | "media"
            | "state"
            | "security force"
            | "coalition"
            | "alliance"
            | "embassy"
            | "leadership"
            | "legislature"
            | "assembly"
            | "senate"
            | "congress"
            | "committee"
            | "agency"
    )
}

/// Title words that introduce a name ("Mr Al Assad", "President Putin"): skipped inside
/// noun phrases when the lexicon does not give them a role.
pub(crate) fn is_title(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "dr"
            | "dr."
            | "sheikh"
            | "sir"
            | "lord"
            | "dame"
            | "madam"
            | "monsieur"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("the", false, false), Class::Det);
        assert_eq!(classify(",", false, true), Class::Comma);
        assert_eq!(classify("'s", false, false), Class::PossMark);
        assert_eq!(classify("n't", false, false), Class::Neg);
        assert_eq!(classify("rebels", false, false), Class::Word);
        assert_eq!(pronoun_number("them"), Some(true));
        assert!(pronoun_is_personal("he"));
    }
}
