// Dates and times in Tasklist and Cockpit are England and Wales time, whatever the computer's clock
// is set to: deadlines are days in England and Wales (a task is due at the end of a working day
// there), and a laptop left on another time zone showed a task due 17:00 on 7 December as due at
// 02:00 on 8 December. Loaded by each app's config.js (customScripts) before the app starts.
//
// The webapps format every date with their own moment.js, which knows only the computer's zone.
// moment-timezone (the webjar org.webjars.npm:moment-timezone, see pom.xml) teaches that same
// moment instance the zone's rules and makes it the default. The instance is reached through the
// webapps' webpack runtime: a chunk pushed onto its queue is handed the module loader.
const ZONE = 'Europe/London';
const MOMENT_TIMEZONE = '/webjars/moment-timezone/0.6.0/builds/moment-timezone-with-data-10-year-range.min.js';
const MOMENT_MODULE = 98024; // moment in lib/deps.js of the Camunda 7.24.0 webapps

function webappsMoment() {
  let moment = null;
  const queue = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  queue.push([['ttg-england-and-wales-time'], {}, (load) => {
    try {
      const candidate = load(MOMENT_MODULE);
      moment = candidate && typeof candidate.version === 'string' && candidate.isMoment ? candidate : null;
    } catch (e) {
      // another webapp build: no such module (said below)
    }
  }]);
  return moment;
}

function loadClassicScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error('could not load ' + src));
    document.head.appendChild(script);
  });
}

// The footer said "Date and Time displayed in local timezone: <the computer's zone>"; it names ours.
const FOOTER = 'Dates and times are England and Wales time:';
function footerNamesTheZone() {
  new MutationObserver(() => {
    const footer = document.getElementById('footer-timezone');
    const zone = footer && footer.querySelector('i');
    if (zone && zone.textContent !== ZONE) {
      zone.textContent = ZONE;
    }
    if (zone && footer.firstChild !== zone && footer.firstChild.nodeValue.trim() !== FOOTER) {
      footer.firstChild.nodeValue = FOOTER + ' ';
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

const moment = webappsMoment();
if (!moment) {
  console.error('Through the Gate: the webapps\' moment.js was not found; dates follow this computer\'s time zone');
} else {
  const earlier = window.moment;
  window.moment = moment; // moment-timezone's browser build attaches itself to window.moment
  try {
    await loadClassicScript(MOMENT_TIMEZONE);
    moment.tz.setDefault(ZONE);
    footerNamesTheZone();
  } catch (e) {
    console.error('Through the Gate: ' + e.message + '; dates follow this computer\'s time zone');
  } finally {
    window.moment = earlier;
  }
}

export default [];
