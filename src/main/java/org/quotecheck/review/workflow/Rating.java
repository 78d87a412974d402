package org.quotecheck.review.workflow;

/** The verdict an editor proposes and a reviewer approves. */
public enum Rating {
    ACCURATE("Accurate", "The claim matches its source in words and facts."),
    MOSTLY_ACCURATE("Mostly accurate", "Small differences in wording or detail that do not change the meaning."),
    MISLEADING("Misleading", "Accurate words used in a way that gives a false impression, or a key part left out."),
    INACCURATE("Inaccurate", "A fact is wrong: a number, a name, a date, or what was said."),
    MISATTRIBUTED("Misattributed", "The words were said, but by someone else than the article says."),
    UNVERIFIABLE("Unverifiable", "No source could be found to confirm or refute the claim.");

    private final String label;
    private final String description;

    Rating(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
