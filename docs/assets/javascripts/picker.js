// @ts-check
// The picker on /choose/. It reads the reader's requirements and weights from the form (and first from the address),
// ranks the candidates the build wrote to candidates.json, and fills the ranking's markup from its <template>s.
// Each step follows webatlas.choosing.scoring and each sentence webatlas.choosing.wording; a browser test checks that
// the page and the Python code rank alike. Without this script the page shows the ranking for the default choice.

const BATTERIES = "batteries";
const REASONS_SHOWN = 2;
const MAX_WEIGHT = 5;

/**
 * @typedef {{ slug: string, name: string, interfaces: string[], licence: string, status: string, pythons: string[],
 *   offered: string[], builtIn: string[], scores: Record<string, number | null>, measures: Record<string, string> }} Candidate
 * @typedef {{ slug: string, name: string, default: number, measured: boolean }} Criterion
 * @typedef {{ criteria: Criterion[], requiredFeatures: string[], defaultStatuses: string[], features: Record<string, string>,
 *   candidates: Candidate[] }} Published
 * @typedef {{ weights: Map<string, number>, statuses: Set<string>, interface: string, features: Set<string>,
 *   python: string, licences: Set<string>, wanted: Set<string> }} Choice
 * @typedef {{ candidate: Candidate, total: number, scores: Record<string, number>, aheadOn: string[] }} Place
 * @typedef {{ criterion: string, weight: number, to: number }} Flip
 */

/** Every hard requirement the candidate fails, in words. @param {Candidate} candidate @param {Choice} choice @param {Published} data */
function failures(candidate, choice, data) {
  const problems = [];
  if (choice.interface && !candidate.interfaces.includes(choice.interface)) problems.push(`does not speak ${choice.interface}`);
  for (const slug of [...choice.features].sort()) {
    if (!candidate.offered.includes(slug)) problems.push(`no ${data.features[slug]} built in or by official extension`);
  }
  if (choice.python && !candidate.pythons.includes(choice.python)) problems.push(`latest release does not install on Python ${choice.python}`);
  if (choice.licences.size && !choice.licences.has(candidate.licence)) problems.push(`licence is ${candidate.licence}`);
  if (!choice.statuses.has(candidate.status)) problems.push(`status is ${candidate.status}`);
  return problems;
}

/** @param {Candidate} candidate @param {Choice} choice @param {Published} data */
function scoresFor(candidate, choice, data) {
  const wanted = choice.wanted.size ? choice.wanted : new Set(Object.keys(data.features));
  /** @type {Record<string, number>} */
  const scores = {};
  for (const criterion of choice.weights.keys()) {
    const score = criterion === BATTERIES ? candidate.builtIn.filter((slug) => wanted.has(slug)).length / wanted.size : candidate.scores[criterion];
    // A criterion the candidate was not measured on leaves its ranking to the others.
    if (score !== null) scores[criterion] = score;
  }
  return scores;
}

/** @param {Record<string, number>} scores @param {Map<string, number>} weights */
function total(scores, weights) {
  let weightSum = 0;
  let weighted = 0;
  for (const [criterion, weight] of weights) {
    if (!(criterion in scores)) continue;
    weightSum += weight;
    weighted += weight * scores[criterion];
  }
  return weightSum ? weighted / weightSum : 0;
}

/** Highest total first, then by name, as Python compares strings. @param {Place} a @param {Place} b */
function byRank(a, b) {
  if (a.total !== b.total) return b.total - a.total;
  const [x, y] = [a.candidate.name.toLowerCase(), b.candidate.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** @param {Place} place @param {Place} following @param {Map<string, number>} weights */
function aheadOn(place, following, weights) {
  /** @type {[string, number][]} */
  const gains = [...weights]
    .filter(([criterion]) => criterion in place.scores && criterion in following.scores)
    .map(([criterion, weight]) => [criterion, weight * (place.scores[criterion] - following.scores[criterion])]);
  return gains
    .filter(([, gain]) => gain > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, REASONS_SHOWN)
    .map(([criterion]) => criterion);
}

/** @param {Place} first @param {Place} second @param {Map<string, number>} weights */
function flips(first, second, weights) {
  /** @type {Flip[]} */
  const found = [];
  const order = [...weights.keys()];
  for (const [criterion, weight] of weights) {
    const tries = [...Array(MAX_WEIGHT + 1).keys()].sort((a, b) => Math.abs(a - weight) - Math.abs(b - weight) || a - b);
    for (const to of tries) {
      if (to === weight) continue;
      const changed = new Map(weights).set(criterion, to);
      const trial = [first, second].map((place) => ({ ...place, total: total(place.scores, changed) })).sort(byRank);
      if (trial[0].candidate === second.candidate) {
        found.push({ criterion, weight, to });
        break;
      }
    }
  }
  return found.sort((a, b) => Math.abs(a.to - a.weight) - Math.abs(b.to - b.weight) || order.indexOf(a.criterion) - order.indexOf(b.criterion));
}

/** @param {Published} data @param {Choice} choice */
function rank(data, choice) {
  /** @type {Place[]} */
  const places = [];
  /** @type {[Candidate, string[]][]} */
  const excluded = [];
  for (const candidate of data.candidates) {
    const problems = failures(candidate, choice, data);
    if (problems.length) {
      excluded.push([candidate, problems]);
      continue;
    }
    const scores = scoresFor(candidate, choice, data);
    places.push({ candidate, total: total(scores, choice.weights), scores, aheadOn: [] });
  }
  places.sort(byRank);
  places.forEach((place, index) => {
    if (index + 1 < places.length) place.aheadOn = aheadOn(place, places[index + 1], choice.weights);
  });
  return { places, excluded, flips: places.length > 1 ? flips(places[0], places[1], choice.weights) : [] };
}

/** Half rounds up, as webatlas.choosing.wording.out_of_100 does. @param {number} score */
const outOf100 = (score) => Math.floor(score * 100 + 0.5);

/** The sentences of webatlas.choosing.wording. */
const words = {
  /** @param {Place} place @param {string} criterion */
  score: (place, criterion) => (criterion in place.scores ? String(outOf100(place.scores[criterion])) : "not measured"),
  /** @param {string[]} slugs @param {Map<string, Criterion>} criteria */
  names: (slugs, criteria) => slugs.map((slug) => criteria.get(slug)?.name).join(" and "),
  /** @param {ReturnType<typeof rank>} ranking @param {Choice} choice @param {Map<string, Criterion>} criteria */
  summary(ranking, choice, criteria) {
    const count = ranking.places.length + ranking.excluded.length;
    const weighted = [...choice.weights].map(([slug, weight]) => `${criteria.get(slug)?.name} ${weight}`).join(", ");
    return `${ranking.places.length} of ${count} candidates meet your requirements, ranked by ${weighted}.`;
  },
  /** @param {Place} place @param {Place | undefined} following @param {Map<string, Criterion>} criteria */
  why(place, following, criteria) {
    if (!following) return "Last of those that qualify.";
    if (place.aheadOn.length) return `Ahead of ${following.candidate.name} on ${words.names(place.aheadOn, criteria)}.`;
    return `Level with ${following.candidate.name}; the name decides.`;
  },
  /** @param {ReturnType<typeof rank>} ranking @param {Map<string, Criterion>} criteria */
  flip(ranking, criteria) {
    if (ranking.places.length < 2) return "";
    const [first, second] = ranking.places.map((place) => place.candidate.name);
    if (!ranking.flips.length) return `No single weight change from 0 to 5 puts ${second} ahead of ${first}.`;
    const changes = ranking.flips.map((item) => `set ${criteria.get(item.criterion)?.name} from ${item.weight} to ${item.to}`).join("; or ");
    return `To put ${second} ahead of ${first}: ${changes}.`;
  },
  /** @param {Place} place @param {string} criterion @param {Set<string>} wanted */
  measure(place, criterion, wanted) {
    if (criterion !== BATTERIES) return place.candidate.measures[criterion];
    return `${place.candidate.builtIn.filter((slug) => wanted.has(slug)).length} of ${wanted.size} wanted features built in`;
  },
};

/** @param {ParentNode} scope @param {string} slot */
const slot = (scope, slot) => /** @type {HTMLElement} */ (scope.querySelector(`[data-slot="${slot}"]`));

/** @param {HTMLElement} ranking @param {Published} data @param {Choice} choice @param {string} root */
function show(ranking, data, choice, root) {
  const criteria = new Map(data.criteria.map((criterion) => [criterion.slug, criterion]));
  const result = rank(data, choice);
  const wanted = choice.wanted.size ? choice.wanted : new Set(Object.keys(data.features));
  const placeTemplate = /** @type {HTMLTemplateElement} */ (slot(ranking, "place-template"));
  const rowTemplate = /** @type {HTMLTemplateElement} */ (slot(ranking, "row-template"));
  const items = result.places.map((place, index) => {
    const item = /** @type {HTMLElement} */ (/** @type {Element} */ (placeTemplate.content.firstElementChild).cloneNode(true));
    item.dataset.slug = place.candidate.slug;
    const link = /** @type {HTMLAnchorElement} */ (slot(item, "link"));
    link.href = `${root}catalogue/${place.candidate.slug}/`;
    link.textContent = slot(item, "caption").textContent = place.candidate.name;
    slot(item, "total").textContent = String(outOf100(place.total));
    slot(item, "why").textContent = words.why(place, result.places[index + 1], criteria);
    slot(item, "rows").replaceChildren(
      ...[...choice.weights].map(([criterion, weight]) => {
        const row = /** @type {Element} */ (/** @type {Element} */ (rowTemplate.content.firstElementChild).cloneNode(true));
        slot(row, "criterion").textContent = criteria.get(criterion)?.name ?? criterion;
        slot(row, "weight").textContent = String(weight);
        slot(row, "score").textContent = words.score(place, criterion);
        slot(row, "measure").textContent = words.measure(place, criterion, wanted);
        return row;
      }),
    );
    return item;
  });
  slot(ranking, "places").replaceChildren(...items);
  slot(ranking, "summary").textContent = words.summary(result, choice, criteria);
  slot(ranking, "flip").textContent = words.flip(result, criteria);
  slot(ranking, "excluded-count").textContent = String(result.excluded.length);
  slot(ranking, "excluded").replaceChildren(
    ...result.excluded.map(([candidate, problems]) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `${root}catalogue/${candidate.slug}/`;
      link.textContent = candidate.name;
      item.append(link, `: ${problems.join("; ")}`);
      return item;
    }),
  );
}

/** @param {HTMLFormElement} form @param {Published} data @returns {Choice} */
function choiceOf(form, data) {
  const values = new FormData(form);
  /** @param {string} name */
  const set = (name) => new Set(/** @type {string[]} */ (values.getAll(name)));
  const weights = new Map(data.criteria.filter((item) => item.measured).map((item) => [item.slug, Number(values.get(item.slug))]));
  return {
    weights,
    statuses: set("status"),
    interface: String(values.get("interface") ?? ""),
    features: set("need"),
    python: String(values.get("python") ?? ""),
    licences: set("licence"),
    wanted: set("want"),
  };
}

/** Put the address's choice into the form; values the form does not offer are ignored. @param {HTMLFormElement} form */
function restore(form) {
  const asked = new URLSearchParams(location.search);
  for (const element of form.elements) {
    const field = /** @type {HTMLInputElement | HTMLSelectElement} */ (element);
    if (!field.name || !asked.has(field.name)) continue;
    const value = /** @type {string} */ (asked.get(field.name));
    if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value.split(",").includes(field.value);
    else if (field instanceof HTMLInputElement && field.type === "range") {
      const weight = Number(value);
      if (Number.isInteger(weight) && weight >= 0 && weight <= MAX_WEIGHT) field.value = value;
    } else if (field instanceof HTMLSelectElement && [...field.options].some((option) => option.value === value)) field.value = value;
  }
}

/** Each field's value by name; ticked boxes of one name are joined with commas. @param {HTMLFormElement} form */
function state(form) {
  const values = new FormData(form);
  const names = new Set([...form.elements].map((element) => /** @type {HTMLInputElement} */ (element).name).filter(Boolean));
  return new Map([...names].map((name) => [name, values.getAll(name).join(",")]));
}

/** The query string that keeps what differs from the defaults. @param {Map<string, string>} now @param {Map<string, string>} defaults */
function address(now, defaults) {
  const query = new URLSearchParams([...now].filter(([name, value]) => value !== defaults.get(name)));
  const text = query.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : location.pathname;
}

/** @param {HTMLFormElement} form */
async function setUp(form) {
  const ranking = /** @type {HTMLElement} */ (document.querySelector("[data-atlas-ranking]"));
  const data = /** @type {Published} */ (await (await fetch(/** @type {string} */ (form.dataset.candidates))).json());
  const root = /** @type {string} */ (ranking.dataset.root);
  const update = () => {
    for (const output of form.querySelectorAll("output")) {
      const input = /** @type {HTMLInputElement} */ (form.querySelector(`#${output.htmlFor.value}`));
      if (!input.disabled) output.value = input.value;
    }
    show(ranking, data, choiceOf(form, data), root);
  };
  const defaults = state(form);
  restore(form);
  update();
  form.addEventListener("input", () => {
    update();
    history.replaceState(null, "", address(state(form), defaults));
  });
  // A reset changes the fields after its event, so the ranking follows on the next task.
  form.addEventListener("reset", () =>
    setTimeout(() => {
      update();
      history.replaceState(null, "", location.pathname);
    }),
  );
}

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-atlas-choose]")) setUp(/** @type {HTMLFormElement} */ (form));
});
