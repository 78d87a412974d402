package org.quotecheck.article;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Field-by-field merge of two edits, and the word diff shown where both changed a field. Plain JUnit. */
class EditMergeTest {

    private static final java.util.function.BiPredicate<String, String> EQUAL = String::equals;

    @Test
    void aFieldOnlyOneSideChangedTakesThatSide() {
        EditMerge.Merged theirs = EditMerge.merge(new EditMerge.Field("outlet", "Outlet", "Gazette", "Gazette", "Evening Gazette"), EQUAL);
        assertThat(theirs.value()).isEqualTo("Evening Gazette");
        assertThat(theirs.conflict()).isFalse();
        EditMerge.Merged mine = EditMerge.merge(new EditMerge.Field("outlet", "Outlet", "Gazette", "Daily", "Gazette"), EQUAL);
        assertThat(mine.value()).isEqualTo("Daily");
        assertThat(mine.conflict()).isFalse();
        EditMerge.Merged both = EditMerge.merge(new EditMerge.Field("title", "Title", "A", "B", "B"), EQUAL);
        assertThat(both.conflict()).as("the same change on both sides").isFalse();
    }

    @Test
    void bothChangedKeepsMineAsAConflictWithTheWordsThatDiffer() {
        EditMerge.Merged both = EditMerge.merge(new EditMerge.Field("body", "Text", "It opens in May.", "It opens in June.",
                "It opens in July."), EQUAL);
        assertThat(both.conflict()).isTrue();
        assertThat(both.value()).isEqualTo("It opens in June.");
        assertThat(both.diff()).containsExactly(new EditMerge.Segment(EditMerge.Kind.SAME, "It opens in "),
                new EditMerge.Segment(EditMerge.Kind.SAVED, "July."), new EditMerge.Segment(EditMerge.Kind.MINE, "June."));
    }

    @Test
    void aDiffPutsTheWholeTextBackTogether() {
        String saved = "The council met on Monday and voted 7 to 2 to close the bridge.";
        String mine = "On Monday the council voted 5 to 2 to close the old bridge for repairs.";
        List<EditMerge.Segment> diff = EditMerge.diff(saved, mine);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (EditMerge.Segment s : diff) {
            if (!s.isMine()) {
                a.append(s.text());
            }
            if (!s.isSaved()) {
                b.append(s.text());
            }
        }
        assertThat(a.toString()).isEqualTo(saved);
        assertThat(b.toString()).isEqualTo(mine);
        assertThat(EditMerge.diff("same", "same")).containsExactly(new EditMerge.Segment(EditMerge.Kind.SAME, "same"));
    }
}
