// The browser side of storage.hpp and documents.hpp (linked with emcc --js-library): IndexedDB,
// the online state, persistent storage, UUIDs, printing through a hidden frame, saving and
// picking files. Results go back to C++ through the prd_storage_* / prd_document_* exports.

var LibraryPrdStorage = {
    $PRDSTORE: {
        opening: null,
        watching: false,
        open: function() {
            if (PRDSTORE.opening) return PRDSTORE.opening;
            PRDSTORE.opening = new Promise(function(resolve, reject) {
                if (typeof indexedDB === 'undefined') {
                    reject(new Error('this browser keeps no local database (IndexedDB)'));
                    return;
                }
                var request = indexedDB.open('prd', 1);
                request.onupgradeneeded = function() { request.result.createObjectStore('kv'); };
                request.onsuccess = function() { resolve(request.result); };
                request.onerror = function() { reject(request.error || new Error('IndexedDB could not be opened')); };
                request.onblocked = function() { reject(new Error('another tab holds an older version of the app open')); };
            });
            // A failed open may succeed later (another tab closed): try again next time.
            PRDSTORE.opening.catch(function() { PRDSTORE.opening = null; });
            return PRDSTORE.opening;
        },
        message: function(error) { return String((error && (error.message || error.name)) || error || 'unknown error'); },
        done: function(id, ok, error) {
            PRD.withString(error || '', function(e) { _prd_storage_done(id, ok ? 1 : 0, e); });
            PRD.wake();
        },
        value: function(id, bytes, error) {
            var length = bytes ? bytes.length : 0;
            var ptr = _malloc(Math.max(1, length));
            if (bytes) HEAPU8.set(bytes, ptr);
            try {
                PRD.withString(error || '', function(e) { _prd_storage_value(id, bytes ? 1 : 0, ptr, length, e); });
            } finally {
                _free(ptr);
            }
            PRD.wake();
        },
        bytesOf: function(value) {
            if (value === undefined || value === null) return null;
            if (value instanceof Uint8Array) return value;
            if (value instanceof ArrayBuffer) return new Uint8Array(value);
            if (typeof value === 'string') return new TextEncoder().encode(value);
            return null;
        },
    },

    prd_js_store_put__deps: ['$PRDSTORE'],
    prd_js_store_put: function(id, key, data, length) {
        var name = UTF8ToString(key);
        var bytes = HEAPU8.slice(data, data + length);  // a copy: the heap may move before the write
        PRDSTORE.open().then(function(db) {
            var tx = db.transaction('kv', 'readwrite', {durability: 'strict'});
            tx.objectStore('kv').put(bytes, name);
            tx.oncomplete = function() { PRDSTORE.done(id, true, ''); };
            tx.onabort = function() { PRDSTORE.done(id, false, PRDSTORE.message(tx.error || 'the write was aborted')); };
        }).catch(function(error) { PRDSTORE.done(id, false, PRDSTORE.message(error)); });
    },

    prd_js_store_get__deps: ['$PRDSTORE'],
    prd_js_store_get: function(id, key) {
        var name = UTF8ToString(key);
        PRDSTORE.open().then(function(db) {
            var request = db.transaction('kv', 'readonly').objectStore('kv').get(name);
            request.onsuccess = function() { PRDSTORE.value(id, PRDSTORE.bytesOf(request.result), ''); };
            request.onerror = function() { PRDSTORE.value(id, null, PRDSTORE.message(request.error)); };
        }).catch(function(error) { PRDSTORE.value(id, null, PRDSTORE.message(error)); });
    },

    prd_js_store_remove__deps: ['$PRDSTORE'],
    prd_js_store_remove: function(id, key) {
        var name = UTF8ToString(key);
        PRDSTORE.open().then(function(db) {
            var tx = db.transaction('kv', 'readwrite', {durability: 'strict'});
            tx.objectStore('kv').delete(name);
            tx.oncomplete = function() { PRDSTORE.done(id, true, ''); };
            tx.onabort = function() { PRDSTORE.done(id, false, PRDSTORE.message(tx.error || 'the removal was aborted')); };
        }).catch(function(error) { PRDSTORE.done(id, false, PRDSTORE.message(error)); });
    },

    // The keys come back as a JSON array through prd_storage_value.
    prd_js_store_keys__deps: ['$PRDSTORE'],
    prd_js_store_keys: function(id, prefix) {
        var start = UTF8ToString(prefix);
        PRDSTORE.open().then(function(db) {
            var range = IDBKeyRange.bound(start, start + '\uffff');
            var request = db.transaction('kv', 'readonly').objectStore('kv').getAllKeys(range);
            request.onsuccess = function() {
                PRDSTORE.value(id, new TextEncoder().encode(JSON.stringify(request.result || [])), '');
            };
            request.onerror = function() { PRDSTORE.value(id, null, PRDSTORE.message(request.error)); };
        }).catch(function(error) { PRDSTORE.value(id, null, PRDSTORE.message(error)); });
    },

    prd_js_online__deps: ['$PRDSTORE'],
    prd_js_online: function() {
        if (!PRDSTORE.watching) {
            // Going on- or offline changes what the app shows: draw a frame.
            PRDSTORE.watching = true;
            window.addEventListener('online', PRD.wake);
            window.addEventListener('offline', PRD.wake);
        }
        return navigator.onLine === false ? 0 : 1;
    },

    // 0 granted, 1 refused, 2 unsupported (no navigator.storage, or not a secure context).
    prd_js_request_persistence__deps: ['$PRDSTORE'],
    prd_js_request_persistence: function(id) {
        var answer = function(code) {
            _prd_storage_persist(id, code);
            PRD.wake();
        };
        if (!navigator.storage || typeof navigator.storage.persist !== 'function') {
            setTimeout(function() { answer(2); }, 0);
            return;
        }
        navigator.storage.persisted()
            .then(function(already) { return already || navigator.storage.persist(); })
            .then(function(granted) { answer(granted ? 0 : 1); })
            .catch(function() { answer(2); });
    },

    prd_js_make_uuid__deps: ['$PRDSTORE', 'malloc'],
    prd_js_make_uuid: function() {
        var uuid;
        if (window.crypto && typeof crypto.randomUUID === 'function') {
            uuid = crypto.randomUUID();
        } else {
            var b = new Uint8Array(16);
            crypto.getRandomValues(b);
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            var h = Array.prototype.map.call(b, function(x) { return (x + 0x100).toString(16).slice(1); }).join('');
            uuid = h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
        }
        var ptr = _malloc(37);
        stringToUTF8(uuid, ptr, 37);
        return ptr;
    },

    prd_js_utc_now__deps: ['malloc'],
    prd_js_utc_now: function() {
        var text = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
        var ptr = _malloc(32);
        stringToUTF8(text, ptr, 32);
        return ptr;
    },

    prd_js_epoch_ms: function() { return Date.now(); },

    prd_js_call_later__deps: ['$PRDSTORE'],
    prd_js_call_later: function(id, ms) {
        setTimeout(function() {
            _prd_timer_fired(id);
            PRD.wake();
        }, ms);
    },

    // Printing from a hidden frame keeps the app's canvas out of the print and works offline.
    prd_js_print_html: function(html) {
        var old = document.getElementById('prd-print');
        if (old) old.remove();
        var frame = document.createElement('iframe');
        frame.id = 'prd-print';
        frame.setAttribute('aria-hidden', 'true');
        frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
        frame.onload = function() {
            window.prdPrintDocument = frame.contentDocument;  // tests read what was printed
            try {
                frame.contentWindow.focus();
                frame.contentWindow.print();
            } catch (e) {
                console.error('print: ' + e);
            }
        };
        frame.srcdoc = UTF8ToString(html);
        document.body.appendChild(frame);
        window.prdPrintHtml = frame.srcdoc;
    },

    prd_js_save_file: function(name, mime, data, length) {
        var blob = new Blob([HEAPU8.slice(data, data + length)], {type: UTF8ToString(mime)});
        var url = URL.createObjectURL(blob);
        var a = document.createElement('a');
        a.href = url;
        a.download = UTF8ToString(name);
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
    },

    prd_js_pick_file__deps: ['$PRDSTORE'],
    prd_js_pick_file: function(id, accept) {
        var input = document.createElement('input');
        input.type = 'file';
        input.accept = UTF8ToString(accept);
        input.style.display = 'none';
        input.id = 'prd-file-picker';  // tests hand it a file with setInputFiles
        var old = document.getElementById('prd-file-picker');
        if (old) old.remove();
        input.onchange = function() {
            var file = input.files && input.files[0];
            input.remove();
            if (!file) return;
            file.text().then(function(text) {
                PRD.withString(file.name, function(n) {
                    PRD.withString(text, function(t) { _prd_document_picked(id, n, t); });
                });
                PRD.wake();
            });
        };
        document.body.appendChild(input);
        input.click();
    },
};

autoAddDeps(LibraryPrdStorage, '$PRDSTORE');
LibraryPrdStorage.$PRDSTORE__deps = ['$PRD'];  // withString and wake, from platform.js
mergeInto(LibraryManager.library, LibraryPrdStorage);
