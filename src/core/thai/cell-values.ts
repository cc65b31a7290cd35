// Cell values as SpreadsheetApp's getValues() returns them, possibly from another realm (Apps
// Script, gas-local's vm): never use instanceof on them.

export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

// The error values Google Sheets and Excel show in a cell whose formula failed.
const ERROR_VALUES = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
];

export function isErrorValue(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length < 32 &&
    ERROR_VALUES.indexOf(value.trim().toUpperCase()) >= 0
  );
}
