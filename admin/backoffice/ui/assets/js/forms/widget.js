// @ts-check
// widget makes the field a definition names (def.widget); forms/field.js
// says what every widget offers.

/**
 * @import { FieldDef, WidgetMaker, WidgetName, WidgetOpts } from '../ui-types.js'
 */

import { textWidget, slugWidget, selectWidget, numberWidget, boolWidget, dateWidget } from './plain.js';
import { unitWidget } from './units.js';
import { pickerWidget } from './picker.js';
import { tagsWidget } from './tags.js';
import { stepsWidget } from './steps.js';
import { imageWidget } from './image.js';
import { documentsWidget } from './documents.js';
import { markdownWidget } from './markdown.js';
import { captionsWidget } from './captions.js';

/** @type {Record<WidgetName, WidgetMaker>} */
const WIDGETS = {
  text: textWidget, textarea: textWidget, url: textWidget, slug: slugWidget,
  select: selectWidget, quarter: selectWidget, number: numberWidget, bool: boolWidget,
  date: dateWidget, unit: unitWidget, picker: pickerWidget, tags: tagsWidget,
  steps: stepsWidget, image: imageWidget, markdown: markdownWidget, documents: documentsWidget,
  captions: captionsWidget,
};

/**
 * widget makes the widget of a field, holding value.
 * @param {FieldDef} def
 * @param {unknown} value
 * @param {WidgetOpts} opts
 */
export function widget(def, value, opts) {
  return WIDGETS[def.widget](def, value, opts);
}
