// Through the Gate: Cockpit's dashboard opens with a link to the consortium's timeliness
// dashboard (/dashboard, served by the service itself with the same login), so managers find it
// where they already watch journeys. A Cockpit plugin (Camunda 7.14+ format) on the dashboard.
export default [{
  id: 'through-the-gate-timeliness',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    node.innerHTML =
      '<section class="ttg-timeliness" style="margin: 0 0 1em; padding: .8em 1em; border-left: 6px solid #1d70b8; background: #f3f2f1">' +
      '<h3 style="margin: 0 0 .3em">Timeliness</h3>' +
      '<p style="margin: 0">How often your consortium\'s resettlement deadlines are met, month by month, with the late cases ' +
      'and the anonymous evaluation return: <a id="ttg-timeliness-link" href="/dashboard">open the timeliness dashboard</a>.</p>' +
      '</section>';
  }
}];
