import Foundation

/// Norwegian test data in the Statuspage API v2 shapes. MADE UP: no capture of Skatteetaten's
/// status page exists (see shared/fixtures/statuspage/README.md); ids, names, times and texts
/// are invented to look like what status.skatteetaten.no would publish.
enum NorwegianPage {
    static let pageURL = "https://status.skatteetaten.no"

    /// `incidents.json`: one incident on "Summert skattegrunnlag API", investigating ->
    /// identified -> resolved. The first "investigating" update was posted late (created 08:40Z)
    /// and back-dated to 07:55Z, so by `display_at` it is the oldest although it is listed third.
    static let incidents = """
        {
          "page": {"id": "skeid0001", "name": "Skatteetaten", "url": "https://status.skatteetaten.no/",
                   "time_zone": "Europe/Oslo", "updated_at": "2024-10-14T09:30:12.000Z"},
          "incidents": [
            {
              "id": "skg2024feil1", "name": "Feil i Summert skattegrunnlag API", "status": "resolved",
              "impact": "major", "created_at": "2024-10-14T07:58:00.000Z", "updated_at": "2024-10-14T09:30:12.123Z",
              "started_at": null, "resolved_at": "2024-10-14T09:30:00Z", "monitoring_at": null,
              "shortlink": "https://stspg.io/skg1", "page_id": "skeid0001", "ekstrafelt": {"ignoreres": true},
              "components": [{"id": "skg01", "name": "Summert skattegrunnlag API", "status": "operational",
                              "group_id": "grp1", "group": false}],
              "incident_updates": [
                {"id": "u4", "status": "resolved",
                 "body": "Feilen er rettet, og Summert skattegrunnlag API svarer normalt igjen.",
                 "created_at": "2024-10-14T09:30:12.123Z", "display_at": "2024-10-14T09:30:00Z",
                 "affected_components": [{"code": "skg01", "name": "Summert skattegrunnlag API",
                                          "old_status": "major_outage", "new_status": "operational"}]},
                {"id": "u3", "status": "identified",
                 "body": "Årsaken er funnet: en feilslått databaseoppgradering. Vi ruller tilbake.",
                 "created_at": "2024-10-14T09:10:00Z", "display_at": "2024-10-14T09:10:00+00:00",
                 "affected_components": null},
                {"id": "u1", "status": "investigating",
                 "body": "Vi undersøker feil (HTTP 500) ved oppslag i Summert skattegrunnlag API.",
                 "created_at": "2024-10-14T08:40:00Z", "display_at": "2024-10-14T09:55:00+02:00",
                 "affected_components": [{"code": "inn02", "name": "Inntekt API",
                                          "old_status": "operational", "new_status": "operational"}]},
                {"id": "u2", "status": "investigating",
                 "body": "Flere kommuner melder om feil.  Vi  jobber med saken.",
                 "created_at": "2024-10-14T08:20:00Z", "display_at": "2024-10-14T08:20:00Z",
                 "affected_components": []}
              ]
            }
          ]
        }
        """

    /// `scheduled-maintenances.json`: scheduled, in progress, completed, and completed before
    /// its window opened (which is how a page owner cancels one).
    static let maintenances = """
        {
          "page": {"id": "skeid0001", "name": "Skatteetaten", "url": "https://status.skatteetaten.no",
                   "updated_at": "2024-12-02T09:00:00Z"},
          "scheduled_maintenances": [
            {"id": "vedl2024nov", "name": "Planlagt vedlikehold av Inntekt API", "status": "scheduled",
             "impact": "maintenance", "created_at": "2024-11-01T10:00:00Z", "updated_at": "2024-11-01T10:00:00Z",
             "scheduled_for": "2024-11-16T20:00:00.000Z", "scheduled_until": "2024-11-17T02:00:00.000Z",
             "components": [{"id": "inn02", "name": "Inntekt API"}],
             "incident_updates": [
               {"id": "m1", "status": "scheduled", "body": "Inntekt API er utilgjengelig i vedlikeholdsvinduet.",
                "created_at": "2024-11-01T10:00:00Z", "display_at": "2024-11-01T10:00:00Z",
                "affected_components": [{"code": "inn02", "name": "Inntekt API",
                                         "old_status": "operational", "new_status": "operational"}]}]},
            {"id": "frvedl1109", "name": "Vedlikehold av Folkeregisteret", "status": "in_progress",
             "impact": "maintenance", "created_at": "2024-11-04T12:00:00Z", "updated_at": "2024-11-09T21:00:05Z",
             "scheduled_for": "2024-11-09T21:00:00Z", "scheduled_until": "2024-11-09T23:00:00Z",
             "components": [],
             "incident_updates": [
               {"id": "m3", "status": "in_progress", "body": "Vedlikeholdet er i gang.",
                "created_at": "2024-11-09T21:00:05Z", "display_at": "2024-11-09T21:00:05Z",
                "affected_components": [{"code": "frg01", "name": "Folkeregisteret",
                                         "old_status": "operational", "new_status": "under_maintenance"}]},
               {"id": "m2", "status": "scheduled", "body": "Folkeregisteret oppdateres lørdag kveld.",
                "created_at": "2024-11-04T12:00:00Z", "display_at": "2024-11-04T12:00:00Z",
                "affected_components": null}]},
            {"id": "vedl2024okt", "name": "Vedlikehold av Summert skattegrunnlag API", "status": "completed",
             "impact": "maintenance", "created_at": "2024-10-10T08:00:00Z", "updated_at": "2024-10-20T04:00:00Z",
             "scheduled_for": "2024-10-20T00:00:00Z", "scheduled_until": "2024-10-20T04:00:00Z",
             "incident_updates": [
               {"id": "m6", "status": "completed", "body": "Vedlikeholdet er fullført.",
                "created_at": "2024-10-20T04:00:00Z", "display_at": "2024-10-20T04:00:00Z"},
               {"id": "m5", "status": "in_progress", "body": "Vedlikeholdet er i gang.",
                "created_at": "2024-10-20T00:00:00Z", "display_at": "2024-10-20T00:00:00Z"},
               {"id": "m4", "status": "scheduled", "body": "Planlagt vedlikehold natt til søndag.",
                "created_at": "2024-10-10T08:00:00Z", "display_at": "2024-10-10T08:00:00Z"}]},
            {"id": "vedl2024des", "name": "Vedlikehold av Skattemelding API", "status": "completed",
             "impact": "maintenance", "created_at": "2024-11-25T09:00:00Z", "updated_at": "2024-12-02T09:00:00Z",
             "scheduled_for": "2024-12-07T20:00:00Z", "scheduled_until": "2024-12-08T00:00:00Z",
             "incident_updates": [
               {"id": "m8", "status": "completed", "body": "Vedlikeholdet er avlyst.",
                "created_at": "2024-12-02T09:00:00Z", "display_at": "2024-12-02T09:00:00Z"},
               {"id": "m7", "status": "scheduled", "body": "Skattemelding API stenges lørdag kveld.",
                "created_at": "2024-11-25T09:00:00Z", "display_at": "2024-11-25T09:00:00Z"}]}
          ]
        }
        """
}
