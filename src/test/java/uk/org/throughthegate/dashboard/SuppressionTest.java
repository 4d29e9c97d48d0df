package uk.org.throughthegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Small counts are withheld, and no withheld count can be worked back from the totals. */
class SuppressionTest {

    @Test
    void aCellOfThreeIsWithheldAndSoIsAnotherInItsRowAndColumn() {
        // months by outcomes (on time, late, total), the last row the period's totals
        long[][] cells = {
                {20, 3, 23},
                {30, 12, 42},
                {50, 15, 65}};
        boolean[][] withheld = Suppression.withheld(cells);
        assertThat(withheld[0][1]).as("3 is below 5").isTrue();
        assertThat(withheld[0]).as("23 - 20 would give it back").contains(true, true);
        assertEveryLineHidesTwoOrNone(withheld);
    }

    @Test
    void largeCountsAreShownAsTheyAre() {
        long[][] cells = {{20, 9, 29}, {30, 12, 42}, {50, 21, 71}};
        boolean[][] withheld = Suppression.withheld(cells);
        for (boolean[] row : withheld) {
            assertThat(row).containsOnly(false);
        }
    }

    @Test
    void zeroIsBelowFiveToo() {
        long[][] cells = {{0, 9, 9}, {30, 12, 42}, {30, 21, 51}};
        boolean[][] withheld = Suppression.withheld(cells);
        assertThat(withheld[0][0]).isTrue();
        assertEveryLineHidesTwoOrNone(withheld);
    }

    @Test
    void aColumnOfCountsWithItsTotalHidesASmallMonthWithAnother() {
        long[][] cells = {{12}, {2}, {40}, {54}};
        boolean[][] withheld = Suppression.withheld(cells);
        assertThat(withheld[1][0]).isTrue();
        assertThat(withheld[0][0]).as("the next smallest, so 54 - 40 does not give 2").isTrue();
        assertThat(withheld[2][0]).isFalse();
    }

    @Test
    void manySmallCellsAcrossAWholeTableStillLeaveNoLineWithOne() {
        long[][] cells = {
                {1, 7, 6, 14},
                {8, 2, 9, 19},
                {6, 6, 3, 15},
                {15, 15, 18, 48}};
        assertEveryLineHidesTwoOrNone(Suppression.withheld(cells));
    }

    private static void assertEveryLineHidesTwoOrNone(boolean[][] withheld) {
        for (int r = 0; r < withheld.length; r++) {
            int n = 0;
            for (boolean w : withheld[r]) {
                n += w ? 1 : 0;
            }
            assertThat(n).as("withheld in row %d", r).isNotEqualTo(1);
        }
        for (int c = 0; c < withheld[0].length; c++) {
            int n = 0;
            for (boolean[] row : withheld) {
                n += row[c] ? 1 : 0;
            }
            assertThat(n).as("withheld in column %d", c).isNotEqualTo(1);
        }
    }
}
