package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.access.Teams.Kind;

/** A team's id says what kind of team it is and which place or service it is for. */
class TeamsTest {

    @Test
    void aYotsManagersAreNotTheYotItself() {
        assertThat(Teams.kindOf("yot-managers-lewisham")).contains(Kind.YOT_MANAGERS);
        assertThat(Kind.YOT_MANAGERS.placeOf("yot-managers-lewisham")).isEqualTo("lewisham");
        assertThat(Teams.kindOf(Teams.yot("lewisham"))).contains(Kind.YOT);
        assertThat(Teams.yotManagers("leeds")).isEqualTo("yot-managers-leeds");
    }

    @Test
    void onlyProvidersHousingAndChildrensServicesAreReferralTeams() {
        assertThat(Kind.values()).filteredOn(Kind::isReferralTeam)
                .containsExactlyInAnyOrder(Kind.PROVIDER, Kind.HOUSING, Kind.CHILDRENS_SERVICES);
        assertThat(Teams.is("provider-accommodation", Kind.PROVIDER)).isTrue();
        assertThat(Teams.is("housing-lewisham", Kind.PROVIDER)).isFalse();
    }

    @Test
    void administratorsAndUnknownGroupsAreNoTeamOfACase() {
        assertThat(Teams.kindOf(TeamMembership.ADMINS)).isEmpty();
        assertThat(Teams.isTeam("camunda-admin")).isFalse();
        assertThat(Teams.kindOf(null)).isEmpty();
        assertThat(Teams.isTeam("sl-south-london")).isTrue();
    }
}
