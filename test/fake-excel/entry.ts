// The fake office.js a test page loads: installs the fake over the book the test put on globalThis with page.addInitScript.
import { type BookState, type FakeOptions, installFake } from './excel.js';

const g = globalThis as { __fakeExcelState?: BookState; __fakeExcelOptions?: FakeOptions };
installFake(g.__fakeExcelState ?? { sheets: [{ name: 'Sheet1', cells: {} }] }, g.__fakeExcelOptions ?? {});
