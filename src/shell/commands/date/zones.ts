// Zone abbreviations from tzdata (2025), for zones whose tzdata abbreviations are letters.
// Generated on a Debian host: `TZ=zone date +%Z` in January and July for every Intl zone.
// "STD/DST" lists the abbreviation at the lower offset first; zones absent here use
// tzdata's numeric form (+09, +0530), derived from the offset.
const TABLE: Record<string, string> = {
  'ACST': 'Australia/Darwin',
  'ACST/ACDT': 'Australia/Adelaide Australia/Broken_Hill',
  'AEST': 'Australia/Brisbane Australia/Lindeman',
  'AEST/AEDT': 'Antarctica/Macquarie Australia/ACT Australia/Hobart Australia/Melbourne Australia/NSW Australia/Sydney',
  'AKST/AKDT': 'America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka America/Yakutat US/Alaska',
  'AST': 'America/Anguilla America/Antigua America/Aruba America/Barbados America/Blanc-Sablon America/Curacao America/Dominica America/Grenada America/Guadeloupe America/Kralendijk America/Lower_Princes America/Marigot America/Martinique America/Montserrat America/Port_of_Spain America/Puerto_Rico America/Santo_Domingo America/St_Barthelemy America/St_Kitts America/St_Lucia America/St_Thomas America/St_Vincent America/Tortola',
  'AST/ADT': 'America/Glace_Bay America/Goose_Bay America/Halifax America/Moncton America/Thule Atlantic/Bermuda',
  'AWST': 'Australia/Perth',
  'CAT': 'Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Juba Africa/Khartoum Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Maputo Africa/Windhoek',
  'CET': 'Africa/Algiers Africa/Tunis',
  'CET/CEST': 'Africa/Ceuta Arctic/Longyearbyen CET Europe/Amsterdam Europe/Andorra Europe/Belgrade Europe/Berlin Europe/Bratislava Europe/Brussels Europe/Budapest Europe/Busingen Europe/Copenhagen Europe/Gibraltar Europe/Ljubljana Europe/Luxembourg Europe/Madrid Europe/Malta Europe/Monaco Europe/Oslo Europe/Paris Europe/Podgorica Europe/Prague Europe/Rome Europe/San_Marino Europe/Sarajevo Europe/Skopje Europe/Stockholm Europe/Tirane Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Warsaw Europe/Zagreb Europe/Zurich Poland',
  'CST': 'America/Bahia_Banderas America/Belize America/Chihuahua America/Costa_Rica America/El_Salvador America/Guatemala America/Managua America/Merida America/Mexico_City America/Monterrey America/Regina America/Swift_Current America/Tegucigalpa Asia/Macau Asia/Shanghai Asia/Taipei Mexico/General PRC',
  'CST/CDT': 'America/Chicago America/Havana America/Indiana/Knox America/Indiana/Tell_City America/Matamoros America/Menominee America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Ojinaga America/Rankin_Inlet America/Resolute America/Winnipeg CST6CDT Cuba US/Central',
  'ChST': 'Pacific/Guam Pacific/Saipan',
  'EAT': 'Africa/Addis_Ababa Africa/Asmera Africa/Dar_es_Salaam Africa/Djibouti Africa/Kampala Africa/Mogadishu Africa/Nairobi Indian/Antananarivo Indian/Comoro Indian/Mayotte',
  'EET': 'Africa/Tripoli Europe/Kaliningrad',
  'EET/EEST': 'Africa/Cairo Asia/Beirut Asia/Famagusta Asia/Gaza Asia/Hebron Asia/Nicosia EET Egypt Europe/Athens Europe/Bucharest Europe/Chisinau Europe/Helsinki Europe/Kiev Europe/Mariehamn Europe/Riga Europe/Sofia Europe/Tallinn Europe/Vilnius',
  'EST': 'America/Cancun America/Cayman America/Coral_Harbour America/Jamaica America/Panama EST Jamaica',
  'EST/EDT': 'America/Detroit America/Grand_Turk America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Indianapolis America/Iqaluit America/Kentucky/Monticello America/Louisville America/Nassau America/New_York America/Port-au-Prince America/Toronto Canada/Eastern EST5EDT US/Eastern',
  'GMT': 'Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Sao_Tome America/Danmarkshavn Atlantic/Reykjavik Atlantic/St_Helena Etc/GMT GMT',
  'GMT/BST': 'Europe/Guernsey Europe/Isle_of_Man Europe/Jersey Europe/London GB',
  'GMT/IST': 'Eire Europe/Dublin',
  'HKT': 'Asia/Hong_Kong Hongkong',
  'HST': 'HST Pacific/Honolulu US/Hawaii',
  'HST/HDT': 'America/Adak',
  'IST': 'Asia/Calcutta',
  'IST/IDT': 'Asia/Jerusalem Israel',
  'JST': 'Asia/Tokyo Japan',
  'KST': 'Asia/Pyongyang Asia/Seoul ROK',
  'MET/MEST': 'MET',
  'MSK': 'Europe/Kirov Europe/Moscow Europe/Simferopol Europe/Volgograd',
  'MST': 'America/Creston America/Dawson America/Dawson_Creek America/Fort_Nelson America/Hermosillo America/Mazatlan America/Phoenix America/Whitehorse MST',
  'MST/MDT': 'America/Boise America/Cambridge_Bay America/Ciudad_Juarez America/Denver America/Edmonton America/Inuvik MST7MDT Navajo US/Mountain',
  'NST/NDT': 'America/St_Johns',
  'NZST/NZDT': 'Antarctica/McMurdo NZ Pacific/Auckland',
  'PKT': 'Asia/Karachi',
  'PST': 'Asia/Manila',
  'PST/PDT': 'America/Los_Angeles America/Tijuana America/Vancouver Canada/Pacific PST8PDT US/Pacific',
  'SAST': 'Africa/Johannesburg Africa/Maseru Africa/Mbabane',
  'SST': 'Pacific/Midway Pacific/Pago_Pago',
  'UTC': 'Etc/UTC UTC Universal Zulu',
  'WAT': 'Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa Africa/Lagos Africa/Libreville Africa/Luanda Africa/Malabo Africa/Ndjamena Africa/Niamey Africa/Porto-Novo',
  'WET/WEST': 'Atlantic/Canary Atlantic/Faeroe Atlantic/Madeira Europe/Lisbon Portugal WET',
  'WIB': 'Asia/Jakarta Asia/Pontianak',
  'WIT': 'Asia/Jayapura',
  'WITA': 'Asia/Makassar',
}

let byZone: Map<string, string> | null = null

/** The tzdata abbreviation(s) of a zone: "KST" or "CET/CEST"; undefined when numeric. */
export function zoneAbbreviations(zone: string): string | undefined {
  if (!byZone) {
    byZone = new Map()
    for (const [abbr, zones] of Object.entries(TABLE)) for (const z of zones.split(' ')) byZone.set(z, abbr)
  }
  return byZone.get(zone)
}
