// @ts-check
// The back office's own shapes: fields and their widgets, the public
// collections as shown here, pages and dashboard cards, written as JSDoc
// types for the type checker; types.js has what the server sends. Nothing
// here runs (see types.js).

/**
 * @import { RecordBase, Step } from './types.js'
 */

// ---------------------------------------------------------------- forms

/**
 * The widgets a field can be shown with (forms/widget.js).
 * @typedef {'text' | 'textarea' | 'url' | 'slug' | 'select' | 'quarter' | 'number' | 'bool' | 'date'
 *   | 'unit' | 'picker' | 'tags' | 'steps' | 'image' | 'markdown' | 'documents' | 'captions'} WidgetName
 */

/**
 * A field of a form: its name, label and widget, and what that widget
 * takes.
 * @typedef {object} FieldDef
 * @property {string} name
 * @property {string} label
 * @property {WidgetName} widget
 * @property {string} [hint]
 * @property {boolean} [required]  required here even if the database does not say so
 * @property {number} [rows]       textarea, markdown
 * @property {string} [vocab]      select: the list of choices
 * @property {string} [empty]      select: the text of the empty choice
 * @property {string} [target]     picker: the collection searched
 * @property {string} [images]     markdown: the image field its image button opens
 * @property {string} [insert]     image: the Markdown field its photos go into
 * @property {string} [gallery]    captions: the image field captioned
 * @property {string} [noun]       tags: what one tag is called
 * @property {string} [lockedHint] unit: the hint when the unit is fixed
 */

/**
 * What a widget is given besides its field and value.
 * @typedef {{ collection: string, record?: RecordBase | null, lockedUnit?: string }} WidgetOpts
 */

/**
 * What a widget's get() gives: a value to send as it is; an error when
 * what was typed cannot be read; files to remove or an image cleared;
 * undefined when there is nothing to send.
 * @typedef {{ error: string }} ValueError
 * @typedef {{ remove: string[] }} FilesRemoved
 * @typedef {{ clear: true }} ImageCleared
 * @typedef {string | number | boolean | null | string[] | Step[] | Record<string, string>} FieldValue
 * @typedef {FieldValue | ValueError | FilesRemoved | ImageCleared | undefined} WidgetValue
 */

/**
 * A form field's widget (forms/field.js says what each part does).
 * @typedef {object} Widget
 * @property {HTMLElement} el
 * @property {string} focusId
 * @property {() => WidgetValue} get
 * @property {() => string} key
 * @property {(message: string) => void} setError
 * @property {(fd: FormData) => void} [addFiles]
 * @property {() => boolean} [filesPending]
 * @property {() => void} [destroy]
 */

/**
 * What makes a widget: the field, the record's value (as stored, or the
 * default of a new record) and the form's options.
 * @typedef {(def: FieldDef, value: unknown, opts: WidgetOpts) => Widget} WidgetMaker
 */

/**
 * A problem listed in a form's error summary, linking to its field.
 * @typedef {{ href?: string, text: string }} Problem
 */

// ---------------------------------------------------------------- collections

/**
 * A public collection as the back office shows it (schema.js).
 * @typedef {object} CollectionDesc
 * @property {string} path        the address here: /quan-tri/{path}/
 * @property {string} title       the menu's and the list's title
 * @property {string} one         one record, in a sentence
 * @property {string} newLabel    the button that adds one
 * @property {string | null} titleField
 * @property {string[]} search    fields the list's search looks in
 * @property {ListFilter[]} filters
 * @property {ListColumn} column  the list's own column
 * @property {FieldDef[]} fields  the form's fields, in order
 * @property {string} [expand]
 * @property {string} [sort]
 * @typedef {{ field: string, label: string, vocab?: string, number?: boolean }} ListFilter
 * @typedef {{ field: string, label: string, vocab?: string, percent?: boolean }} ListColumn
 */

// ---------------------------------------------------------------- pages

/**
 * What a page is given: the address's segments below /quan-tri/ and its
 * query; routes add what they read from the address.
 * @typedef {{ seg: string[], query: URLSearchParams }} RouteCtx
 * @typedef {() => void} Cleanup
 * @typedef {(el: HTMLElement, ctx: RouteCtx) => Promise<Cleanup | void> | Cleanup | void} View
 */

/**
 * A dashboard card: its box, the body its loader fills and what it says
 * when empty.
 * @typedef {{ el: HTMLElement, body: HTMLElement, empty: string }} Card
 */

export {};
