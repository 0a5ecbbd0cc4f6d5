// A registry snapshot grown to a size the real registry has not reached (100,000 municipalities by
// default), for the app benchmark: the real snapshot plus made-up foreign municipalities whose
// names are built from each language's syllables, with their diacritics and Cyrillic forms, and
// twinnings of them with Ukrainian communities up to 60,000 partnerships. It
// mirrors tests/bench/synthetic_registry.hpp (the C++ benchmarks' synthetic registry); the same
// seed gives the same snapshot, byte for byte.
//
// As a module: buildSyntheticSnapshot(realSnapshot, { size, seed }) returns the snapshot object.
// From the command line it writes the JSON to stdout (or --out FILE):
//   node tests/bench/synthetic_snapshot.mjs --from http://127.0.0.1:8080 [--size 100000] [--out FILE]
//   node tests/bench/synthetic_snapshot.mjs --from snapshot.json ...

import fs from "node:fs";
import { fileURLToPath } from "node:url";

// Per language: a country, its ISO 639-1 code, where its towns lie (centre and spread, degrees),
// and the syllables names are made of. The Latin sets are synthetic_registry.hpp's; BG and RS add
// names written natively in Cyrillic.
const LANGUAGES = [
  { country: "PL", lang: "pl", lat: 52.0, lon: 19.4, dlat: 1.8, dlon: 3.0,
    starts: ["Prz", "Wło", "Łó", "Sz", "Ż", "Grzy", "Bia", "Ks", "Ch", "Gnie", "Ostr", "Tar"],
    middles: ["ze", "ła", "dź", "czy", "ści", "no", "wo", "rze", "ę", "mie", "ko"],
    ends: ["ów", "ice", "ęcin", "ewo", "zno", "ny", "sk", "owice", "ław", "niów"] },
  { country: "DE", lang: "de", lat: 51.0, lon: 10.3, dlat: 2.6, dlon: 2.8,
    starts: ["Mün", "Köl", "Grü", "Straß", "Fürs", "Neu", "Alt", "Ober", "Lü", "Wei", "Bad "],
    middles: ["ten", "ne", "del", "sen", "ach", "ner", "rin", "ster"],
    ends: ["berg", "burg", "hausen", "dorf", "stadt", "au", "ingen", "heim", "feld", "bach"] },
  { country: "FR", lang: "fr", lat: 46.6, lon: 2.4, dlat: 2.8, dlon: 3.2,
    starts: ["Saint-", "Le ", "Bé", "Châ", "Mont", "Val", "Fon", "Aix-", "Cler"],
    middles: ["teau", "ri", "mar", "lé", "ven", "ge", "bel"],
    ends: ["ville", "mont", "eux", "ière", "ac", "ès", "court", "y", "onne"] },
  { country: "IT", lang: "it", lat: 43.0, lon: 12.3, dlat: 2.8, dlon: 2.2,
    starts: ["San ", "Civi", "Mon", "Ca", "Bor", "Fio", "Lu", "Pe", "Ter"],
    middles: ["ta", "ve", "rin", "gna", "ga", "ri", "sa"],
    ends: ["tà", "ello", "rino", "gna", "ano", "ese", "olo", "ia", "one"] },
  { country: "CZ", lang: "cs", lat: 49.8, lon: 15.5, dlat: 0.7, dlon: 2.3,
    starts: ["Bř", "Čes", "Hra", "Kři", "Ústí ", "Plz", "Žď", "Tře"],
    middles: ["e", "ko", "dě", "vo", "ná"],
    ends: ["eň", "ec", "ov", "any", "ice", "ský", "ín"] },
  { country: "LT", lang: "lt", lat: 55.3, lon: 23.9, dlat: 0.9, dlon: 1.8,
    starts: ["Kė", "Šiau", "Pane", "Jur", "Ute", "Vil", "Ma"],
    middles: ["dai", "li", "vė", "ba", "že"],
    ends: ["niai", "liai", "žys", "ras", "kiai", "nė"] },
  { country: "DK", lang: "da", lat: 55.9, lon: 10.0, dlat: 1.0, dlon: 1.6,
    starts: ["Ål", "Ær", "Øs", "Hel", "Fre", "Hjø"],
    middles: ["le", "sing", "ber", "de"],
    ends: ["borg", "havn", "ø", "sund", "rup", "købing"] },
  { country: "HR", lang: "hr", lat: 45.2, lon: 16.2, dlat: 1.0, dlon: 1.8,
    starts: ["Đa", "Osi", "Var", "Ži", "Pož"],
    middles: ["ko", "ra", "že"],
    ends: ["vo", "jek", "ždin", "nja", "ega"] },
  { country: "TR", lang: "tr", lat: 41.0, lon: 27.5, dlat: 0.8, dlon: 1.4,  // the European part
    starts: ["Iğ", "Kır", "Şan", "Çor", "Ağ", "Düz"],
    middles: ["dı", "şe", "lı", "ru"],
    ends: ["dır", "şehir", "urfa", "um", "rı", "ce"] },
  { country: "RO", lang: "ro", lat: 45.9, lon: 24.9, dlat: 1.4, dlon: 2.6,
    starts: ["Ța", "Ști", "Bră", "Târ", "Iași", "Ploi"],
    middles: ["ra", "ne", "gu"],
    ends: ["rgu", "ila", "șov", "ești", "eni"] },
  { country: "BG", lang: "bg", lat: 42.7, lon: 25.3, dlat: 0.9, dlon: 2.0,
    starts: ["Бла", "Пле", "Ста", "Въл", "Гор", "Каз", "Шу", "Ямб", "Хас", "Дръ"],
    middles: ["го", "ве", "ра", "зи", "ни", "ло"],
    ends: ["ево", "град", "ица", "ен", "ово", "ник", "лък", "ище"] },
  { country: "RS", lang: "sr", lat: 44.0, lon: 20.9, dlat: 1.2, dlon: 1.2,
    starts: ["Ћу", "Бе", "Кра", "Ниш", "Зре", "Ча", "Шаб", "Ва", "Пан"],
    middles: ["ље", "ра", "ња", "ги", "до"],
    ends: ["ево", "ац", "ин", "ица", "град", "овац", "ани"] },
];

// Latin letters that NFD does not take apart, and Cyrillic (Bulgarian and Serbian) to Latin.
const LATIN_SPECIAL = { ł: "l", Ł: "L", ß: "ss", ø: "o", Ø: "O", đ: "d", Đ: "D", æ: "ae", Æ: "Ae", ı: "i", œ: "oe" };
const CYRILLIC_TO_LATIN = {
  а: "a", б: "b", в: "v", г: "g", д: "d", ђ: "dj", е: "e", ж: "zh", з: "z", и: "i", й: "y", ј: "j",
  к: "k", л: "l", љ: "lj", м: "m", н: "n", њ: "nj", о: "o", п: "p", р: "r", с: "s", т: "t", ћ: "c",
  у: "u", ф: "f", х: "h", ц: "ts", ч: "ch", џ: "dz", ш: "sh", щ: "sht", ъ: "a", ь: "y", ю: "yu", я: "ya",
};
// Folded Latin to a rough Ukrainian spelling (the first matching entry wins, so digraphs come
// first): the Cyrillic form a Ukrainian text would give the town.
const LATIN_TO_UKRAINIAN = [
  ["sch", "ш"], ["szcz", "щ"], ["sz", "ш"], ["cz", "ч"], ["rz", "ж"], ["ch", "х"], ["sh", "ш"], ["zh", "ж"],
  ["kh", "х"], ["ts", "ц"], ["ie", "ьє"], ["ia", "я"], ["ju", "ю"], ["ja", "я"], ["ya", "я"], ["yu", "ю"],
  ["a", "а"], ["b", "б"], ["c", "к"], ["d", "д"], ["e", "е"], ["f", "ф"], ["g", "г"], ["h", "г"], ["i", "і"],
  ["j", "й"], ["k", "к"], ["l", "л"], ["m", "м"], ["n", "н"], ["o", "о"], ["p", "п"], ["q", "к"], ["r", "р"],
  ["s", "с"], ["t", "т"], ["u", "у"], ["v", "в"], ["w", "в"], ["x", "кс"], ["y", "и"], ["z", "з"],
];

/// Lower-case ASCII, diacritics and Cyrillic taken out (a rough fold_for_search, enough for a name).
export function foldToAscii(text) {
  let out = "";
  for (const ch of text.normalize("NFD").replace(/\p{M}/gu, "")) {
    const lower = ch.toLowerCase();
    out += LATIN_SPECIAL[ch] ?? CYRILLIC_TO_LATIN[lower] ?? ch;
  }
  return out.toLowerCase();
}

function capitalised(text) {
  return text.replace(/(^|[ -])(\p{L})/gu, (_, before, letter) => before + letter.toUpperCase());
}

function toUkrainian(text) {
  const folded = foldToAscii(text);
  let out = "";
  for (let i = 0; i < folded.length;) {
    const pair = LATIN_TO_UKRAINIAN.find(([latin]) => folded.startsWith(latin, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else {
      out += folded[i++];
    }
  }
  return capitalised(out);
}

/// mulberry32: a small, fast, seeded generator of 32-bit numbers.
function makeRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function makeWord(language, rng) {
  const pick = (list) => list[rng() % list.length];
  let word = pick(language.starts);
  for (let i = rng() % 3; i > 0; --i) word += pick(language.middles);
  return word + pick(language.ends);
}

/// `real` (a parsed snapshot) grown to `size` municipalities with made-up foreign ones; ids are
/// "<country>-9<8 digits>", unique and never a GeoNames id of the real registry.
export function buildSyntheticSnapshot(real, { size = 100_000, seed = 20240601, partnerships = 60_000 } = {}) {
  const rng = makeRng(seed);
  const uniform = () => rng() / 4294967296;
  const municipalities = real.municipalities.slice();
  const taken = new Set(municipalities.map((m) => m.id));
  let serial = 0;
  while (municipalities.length < size) {
    const language = LANGUAGES[rng() % LANGUAGES.length];
    let native = makeWord(language, rng);
    if (rng() % 5 === 0) native = makeWord(language, rng) + (rng() % 2 ? " " : "-") + native;
    native = native.replace(/ +/g, " ").trim();
    const id = `${language.country}-9${String(++serial).padStart(8, "0")}`;
    if (taken.has(id)) continue;
    taken.add(id);
    municipalities.push({
      id,
      kind: "foreign_municipality",
      country: language.country,
      region: `${language.country} region ${rng() % 25}`,
      names: {
        uk: toUkrainian(native),
        en: capitalised(foldToAscii(native)),  // an ASCII exonym, like GeoNames' asciiname
        native,
      },
      location: {
        lat: Number((language.lat + (uniform() * 2 - 1) * language.dlat).toFixed(5)),
        lon: Number((language.lon + (uniform() * 2 - 1) * language.dlon).toFixed(5)),
      },
      population: Math.floor(Math.exp(6 + ((rng() % 1000) / 1000) * 7)),
      languages: [language.lang],
      open_to_partners: true,
      source: "synthetic (tests/bench/synthetic_snapshot.mjs)",
      revision: 1,
      updated_at: "2025-01-01T00:00:00Z",
    });
  }
  // Twinnings up to `partnerships` in all, each between a Ukrainian community and a made-up town
  // that has none yet, as issue-sized registries have (100,000 municipalities, 60,000 partnerships).
  const links = (real.partnerships ?? []).slice();
  const communities = real.municipalities.filter((m) => m.country === "UA" && m.kind !== "foreign_municipality");
  const towns = municipalities.slice(real.municipalities.length);
  for (let i = 0; links.length < partnerships && i < towns.length && communities.length > 0; ++i) {
    const community = communities[rng() % communities.length];
    const town = towns[i];
    links.push({
      id: `synthetic-twin-${i + 1}`,
      kind: "twinning",
      status: "signed",
      parties: [{ municipality: community.id }, { municipality: town.id }],
      title: { en: `Twin towns: ${community.names.en} – ${town.names.en}`, uk: `Міста-побратими: ${community.names.uk} – ${town.names.uk}` },
      signed_on: `${1990 + (rng() % 35)}-0${1 + (rng() % 9)}-1${rng() % 10}`,
      source: "synthetic (tests/bench/synthetic_snapshot.mjs)",
      revision: 1,
      updated_at: "2025-01-01T00:00:00Z",
    });
  }
  return {
    format: real.format ?? "partnership-registry",
    version: real.version ?? 1,
    revision: real.revision ?? 1,
    municipalities,
    partnerships: links,
    announcements: real.announcements ?? [],
  };
}

async function main(argv) {
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
  };
  const from = option("--from", null);
  if (!from) {
    console.error("usage: node synthetic_snapshot.mjs --from <server URL | snapshot.json> [--size N] [--seed S] [--out FILE]");
    process.exit(2);
  }
  let real;
  if (/^https?:\/\//.test(from)) {
    const response = await fetch(from.replace(/\/$/, "") + "/api/v1/snapshot", { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`GET ${from}/api/v1/snapshot: HTTP ${response.status}`);
    real = await response.json();
  } else {
    real = JSON.parse(fs.readFileSync(from, "utf8"));
  }
  const snapshot = buildSyntheticSnapshot(real, {
    size: Number(option("--size", 100_000)),
    seed: Number(option("--seed", 20240601)),
  });
  const json = JSON.stringify(snapshot);
  const out = option("--out", null);
  if (out) fs.writeFileSync(out, json);
  else process.stdout.write(json);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
