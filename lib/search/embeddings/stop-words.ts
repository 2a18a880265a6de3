/** Function words that carry no topic; the local embedder leaves them out. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both " +
    "but by can could did do does doing down during each few for from further had has have having he her here hers " +
    "herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on " +
    "once only or other our ours ourselves out over own same she should so some such than that the their theirs them " +
    "themselves then there these they this those through to too under until up very was we were what when where which " +
    "while who whom why will with would you your yours yourself yourselves us let also may might must shall yet"
  ).split(" "),
);

/**
 * Words nearly every sermon says many times ("God", "people", "today"). They still count, at
 * a fraction of the weight: in a sermon corpus they tell one moment from another very little.
 */
export const SERMON_COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    "god jesus christ lord church people life today week say says said one like know thing things way many " +
    "even every make makes made come comes came go going goes see want need time day us really just get"
  ).split(" "),
);
