// The browser side of web/platform/ (linked with emcc --js-library). Input: pointer events on the
// canvas (mouse; touch with tap, drag-to-scroll with momentum and press-and-hold), the wheel, keys
// on the window, text through a hidden <textarea> (IME composition, phone keyboards, any layout,
// paste), and the clipboard. Also fetch, the address bar and the title. Nothing here draws.
//
// Text arrives once: from the textarea's `input` (insertText) or `compositionend`, never from key
// events, so Cyrillic, Polish or German typed on any keyboard reaches ImGui intact. Keys still go
// to ImGui by their physical code (Ctrl+C is KeyC on a Ukrainian layout too).

var LibraryPrdPlatform = {
    $PRD: {
        textarea: null,
        textActive: false,
        composing: false,
        textFields: [],
        touch: null,
        pinch: null,    // two fingers on the gesture surface (the map)
        surface: null,  // [x, y, width, height] in CSS px: where a drag moves the map instead of scrolling
        momentum: 0,
        SENTINEL: ' ',  // kept in the textarea so a phone's Backspace has something to delete

        wake: function() { Module.prdActivity = 1; },
        withString: function(text, fn) {
            var size = lengthBytesUTF8(text) + 1;
            var ptr = _malloc(size);
            stringToUTF8(text, ptr, size);
            try {
                return fn(ptr);
            } finally {
                _free(ptr);
            }
        },
        mods: function(e) {
            return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
        },
        key: function(code, down, mods) { PRD.withString(code, function(ptr) { _prd_input_key(ptr, down, mods); }); },
        press: function(code) {
            PRD.key(code, 1, 0);
            PRD.key(code, 0, 0);
        },
        text: function(text) {
            if (text) PRD.withString(text, function(ptr) { _prd_input_text(ptr); });
        },
        resetTextarea: function() {
            var ta = PRD.textarea;
            ta.value = PRD.SENTINEL;
            ta.setSelectionRange(ta.value.length, ta.value.length);
        },
        canvasPoint: function(e) {
            var r = Module.canvas.getBoundingClientRect();
            return [e.clientX - r.left, e.clientY - r.top];
        },
        inSurface: function(p) {
            var g = PRD.surface;
            return !!g && p[0] >= g[0] && p[0] <= g[0] + g[2] && p[1] >= g[1] && p[1] <= g[1] + g[3];
        },
        inTextField: function(p) {
            var f = PRD.textFields;
            for (var i = 0; i + 3 < f.length; i += 4) {
                if (p[0] >= f[i] && p[0] <= f[i] + f[i + 2] && p[1] >= f[i + 1] && p[1] <= f[i + 1] + f[i + 3])
                    return true;
            }
            return false;
        },
        stopMomentum: function() {
            PRD.momentum += 1;  // any running momentum loop sees a newer generation and stops
        },
        startMomentum: function(vx, vy, surface) {
            var generation = ++PRD.momentum;
            var last = performance.now();
            function step(now) {
                if (generation !== PRD.momentum) return;
                var dt = Math.min(50, now - last);
                last = now;
                if (surface) {
                    _prd_input_gesture(vx * dt, vy * dt, 1, -1, -1);
                } else {
                    _prd_input_pan(vx * dt, vy * dt);
                }
                PRD.wake();
                var decay = Math.pow(0.996, dt);
                vx *= decay;
                vy *= decay;
                if (Math.abs(vx) + Math.abs(vy) > 0.02) requestAnimationFrame(step);
            }
            requestAnimationFrame(step);
        },
        deliver: function(id, status, body, error) {
            PRD.withString(
                body, function(b) { PRD.withString(error, function(e) { _prd_fetch_done(id, status, b, e); }); });
            PRD.wake();
        },
    },

    prd_js_install_input__deps: ['$PRD', 'malloc', 'free'],
    prd_js_install_input: function() {
        var canvas = Module.canvas;
        canvas.style.touchAction = 'none';  // the app scrolls; the page must not pan or zoom under it

        // The hidden text input. 16px stops iOS zooming into it; it sits behind the canvas.
        var ta = document.createElement('textarea');
        ta.id = 'prd-text-input';
        ta.setAttribute('autocomplete', 'off');
        ta.setAttribute('autocorrect', 'off');
        ta.setAttribute('autocapitalize', 'off');
        ta.setAttribute('spellcheck', 'false');
        ta.setAttribute('tabindex', '-1');
        ta.setAttribute('aria-hidden', 'true');
        ta.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:20px;opacity:0;font-size:16px;' +
            'padding:0;border:0;margin:0;resize:none;overflow:hidden;z-index:-1;' +
            'color:transparent;background:transparent;caret-color:transparent;white-space:pre';
        document.body.appendChild(ta);
        PRD.textarea = ta;
        PRD.resetTextarea();

        ta.addEventListener('compositionstart', function() {
            PRD.composing = true;
            PRD.wake();
        });
        ta.addEventListener('compositionend', function(e) {
            PRD.composing = false;
            PRD.text(e.data);
            PRD.resetTextarea();
            PRD.wake();
        });
        ta.addEventListener('input', function(e) {
            PRD.wake();
            if (e.isComposing || PRD.composing) return;  // nothing is inserted until the IME commits
            switch (e.inputType) {
                case 'insertText':
                case 'insertReplacementText':
                    PRD.text(e.data !== null && e.data !== undefined ? e.data : ta.value.slice(PRD.SENTINEL.length));
                    break;
                case 'insertLineBreak':
                case 'insertParagraph': PRD.press('Enter'); break;
                case 'deleteContentBackward':  // a phone keyboard (Android sends key code 229)
                    PRD.press('Backspace');
                    break;
                case 'deleteContentForward': PRD.press('Delete'); break;
                default:
                    if (ta.value.indexOf(PRD.SENTINEL) === 0) PRD.text(ta.value.slice(PRD.SENTINEL.length));
            }
            PRD.resetTextarea();
        });

        var handledKeys = {
            Tab: 1,
            Enter: 1,
            NumpadEnter: 1,
            Escape: 1,
            Backspace: 1,
            Delete: 1,
            ArrowLeft: 1,
            ArrowRight: 1,
            ArrowUp: 1,
            ArrowDown: 1,
            Home: 1,
            End: 1,
            PageUp: 1,
            PageDown: 1,
        };
        var editingShortcuts = {KeyA: 1, KeyZ: 1, KeyY: 1};
        window.addEventListener('keydown', function(e) {
            PRD.wake();
            if (e.isComposing || e.keyCode === 229) return;  // an IME or a phone keyboard: `input` follows
            var accel = e.ctrlKey || e.metaKey;
            if (accel && e.code === 'KeyV') return;  // the paste event brings the text, then presses Ctrl+V
            var inText = document.activeElement === ta;
            // While typing, a letter's text comes from `input`; only keys that edit or move go to ImGui.
            if (inText && !accel && !handledKeys[e.code]) return;
            PRD.key(e.code, 1, PRD.mods(e));
            if (handledKeys[e.code] || (accel && editingShortcuts[e.code]) || (!inText && e.code === 'Space')) {
                e.preventDefault();
            }
        }, true);
        window.addEventListener('keyup', function(e) {
            PRD.wake();
            PRD.key(e.code, 0, PRD.mods(e));
        }, true);
        window.addEventListener('paste', function(e) {
            if (!PRD.textActive) return;
            var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
            e.preventDefault();
            if (text) PRD.withString(text, function(ptr) { _prd_input_paste(ptr); });
            PRD.wake();
        }, true);
        window.addEventListener('blur', function() {
            _prd_input_focus(0);
            PRD.key('', 0, 0);  // release the modifiers
            PRD.wake();
        });
        window.addEventListener('focus', function() {
            _prd_input_focus(1);
            PRD.wake();
        });

        function mouseButton(b) {
            return b === 1 ? 2 : b === 2 ? 1 : b;  // DOM: left, middle, right; ImGui: left, right, middle
        }
        canvas.addEventListener('pointerdown', function(e) {
            PRD.wake();
            var p = PRD.canvasPoint(e);
            PRD.stopMomentum();
            if (e.pointerType === 'mouse') {
                _prd_input_pointer_source(0);
                _prd_input_pointer_move(p[0], p[1]);
                _prd_input_pointer_button(mouseButton(e.button), 1);
                try {
                    canvas.setPointerCapture(e.pointerId);
                } catch (err) {
                }
                return;
            }
            // A second finger on the map while the first is there: a pinch (zoom and pan together).
            var first = PRD.touch;
            if (first && first.id !== e.pointerId && first.surface && PRD.inSurface(p)) {
                clearTimeout(first.timer);
                if (first.mode === 'press') _prd_input_pointer_button(0, 0);
                first.mode = 'pinch';
                PRD.pinch = {a: {id: first.id, x: first.x, y: first.y}, b: {id: e.pointerId, x: p[0], y: p[1]}};
                _prd_input_pointer_move(-1, -1);
                return;
            }
            // Touch and pen: not a press yet. A tap, a drag (scrolling, or moving the map) or a hold decides.
            _prd_input_pointer_source(1);
            _prd_input_pointer_move(p[0], p[1]);
            var touch = {
                id: e.pointerId,
                x0: p[0],
                y0: p[1],
                x: p[0],
                y: p[1],
                t: performance.now(),
                mode: 'pending',
                samples: [[performance.now(), p[0], p[1]]],
                vx: 0,
                vy: 0,
                timer: 0,
                surface: PRD.inSurface(p)
            };
            touch.timer = setTimeout(function() {
                if (PRD.touch === touch && touch.mode === 'pending') {
                    touch.mode = 'press';
                    _prd_input_pointer_button(0, 1);
                    PRD.wake();
                }
            }, 450);
            PRD.touch = touch;
        });
        canvas.addEventListener('pointermove', function(e) {
            var p = PRD.canvasPoint(e);
            var touch = PRD.touch;
            if (e.pointerType === 'mouse' || !touch) {
                if (e.pointerType === 'mouse') {
                    PRD.wake();
                    _prd_input_pointer_move(p[0], p[1]);
                }
                return;
            }
            var pinch = PRD.pinch;
            if (pinch && (pinch.a.id === e.pointerId || pinch.b.id === e.pointerId)) {
                PRD.wake();
                var moved = pinch.a.id === e.pointerId ? pinch.a : pinch.b;
                var mid0 = [(pinch.a.x + pinch.b.x) / 2, (pinch.a.y + pinch.b.y) / 2];
                var d0 = Math.hypot(pinch.a.x - pinch.b.x, pinch.a.y - pinch.b.y);
                moved.x = p[0];
                moved.y = p[1];
                var mid1 = [(pinch.a.x + pinch.b.x) / 2, (pinch.a.y + pinch.b.y) / 2];
                var d1 = Math.hypot(pinch.a.x - pinch.b.x, pinch.a.y - pinch.b.y);
                _prd_input_gesture(mid1[0] - mid0[0], mid1[1] - mid0[1], d0 > 4 ? d1 / d0 : 1, mid1[0], mid1[1]);
                return;
            }
            if (touch.id !== e.pointerId) return;
            PRD.wake();
            var now = performance.now();
            if (touch.mode === 'pending' && Math.hypot(p[0] - touch.x0, p[1] - touch.y0) > 8) {
                touch.mode = 'pan';
                clearTimeout(touch.timer);
            }
            if (touch.mode === 'pan') {
                var dx = p[0] - touch.x;
                var dy = p[1] - touch.y;
                if (touch.surface) {
                    _prd_input_gesture(dx, dy, 1, -1, -1);
                } else {
                    _prd_input_pan(dx, dy);
                }
                // The fling's speed: the distance covered in the last 100 ms.
                touch.samples.push([now, p[0], p[1]]);
                while (touch.samples.length > 2 && now - touch.samples[0][0] > 100) touch.samples.shift();
                var first = touch.samples[0];
                var span = Math.max(1, now - first[0]);
                touch.vx = (p[0] - first[1]) / span;
                touch.vy = (p[1] - first[2]) / span;
            } else if (touch.mode === 'press') {
                _prd_input_pointer_move(p[0], p[1]);
            }
            touch.x = p[0];
            touch.y = p[1];
            touch.t = now;
        });
        function endTouch(e, cancelled) {
            var pinch = PRD.pinch;
            if (pinch && (pinch.a.id === e.pointerId || pinch.b.id === e.pointerId)) {
                // Lifting either finger ends the pinch; the other one does nothing until lifted.
                PRD.pinch = null;
                PRD.touch = null;
                PRD.wake();
                return;
            }
            var touch = PRD.touch;
            if (!touch || touch.id !== e.pointerId) return;
            PRD.touch = null;
            clearTimeout(touch.timer);
            PRD.wake();
            var p = PRD.canvasPoint(e);
            if (touch.mode === 'pending' && !cancelled) {
                // A tap: press and release at once; ImGui spreads them over two frames.
                _prd_input_pointer_move(p[0], p[1]);
                _prd_input_pointer_button(0, 1);
                _prd_input_pointer_button(0, 0);
                // iOS opens its keyboard only for a focus() made during the tap itself.
                if (PRD.inTextField(p)) ta.focus({preventScroll: true});
            } else if (touch.mode === 'press') {
                _prd_input_pointer_move(p[0], p[1]);
                _prd_input_pointer_button(0, 0);
            } else if (touch.mode === 'pan' && !cancelled && performance.now() - touch.t < 80) {
                PRD.startMomentum(touch.vx, touch.vy, touch.surface);
            }
            _prd_input_pointer_move(-1, -1);  // a lifted finger hovers nothing
        }
        canvas.addEventListener('pointerup', function(e) {
            if (e.pointerType === 'mouse') {
                PRD.wake();
                var p = PRD.canvasPoint(e);
                _prd_input_pointer_move(p[0], p[1]);
                _prd_input_pointer_button(mouseButton(e.button), 0);
                return;
            }
            endTouch(e, false);
        });
        canvas.addEventListener('pointercancel', function(e) {
            if (e.pointerType !== 'mouse') endTouch(e, true);
        });
        canvas.addEventListener('pointerleave', function(e) {
            if (e.pointerType === 'mouse' && e.buttons === 0) {
                PRD.wake();
                _prd_input_pointer_move(-1, -1);
            }
        });
        canvas.addEventListener('wheel', function(e) {
            e.preventDefault();
            PRD.wake();
            var unit = e.deltaMode === 1 ? 3 : e.deltaMode === 2 ? 0.1 : 100;  // lines, pages, pixels
            _prd_input_wheel(-e.deltaX / unit, -e.deltaY / unit);
        }, {passive: false});
        ['hashchange', 'popstate', 'resize'].forEach(function(name) { window.addEventListener(name, PRD.wake); });
    },

    prd_js_is_mac:
        function() { return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '') ? 1 : 0; },

    prd_js_text_input__deps: ['$PRD'],
    prd_js_text_input: function(active, x, y, lineHeight) {
        var ta = PRD.textarea;
        if (!ta) return;
        PRD.textActive = !!active;
        if (active) {
            var r = Module.canvas.getBoundingClientRect();
            ta.style.left = Math.round(r.left + x) + 'px';
            ta.style.top = Math.round(r.top + y) + 'px';
            ta.style.height = Math.round(lineHeight) + 'px';
            if (document.activeElement !== ta) ta.focus({preventScroll: true});
        } else if (document.activeElement === ta && !PRD.composing) {
            ta.blur();
            Module.canvas.focus({preventScroll: true});
        }
    },

    prd_js_set_gesture_surface__deps: ['$PRD'],
    prd_js_set_gesture_surface: function(x, y, width, height) {
        PRD.surface = width > 0 && height > 0 ? [x, y, width, height] : null;
    },

    prd_js_set_text_fields__deps: ['$PRD'],
    prd_js_set_text_fields: function(rects, count) {
        var f = [];
        for (var i = 0; i < count * 4; ++i) f.push(HEAPF32[(rects >> 2) + i]);
        PRD.textFields = f;
    },

    prd_js_copy__deps: ['$PRD'],
    prd_js_copy: function(text) {
        var value = UTF8ToString(text);
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(value).catch(function(err) { console.warn('clipboard: ' + err); });
        }
    },

    prd_js_set_cursor: function(cursor) { Module.canvas.style.cursor = UTF8ToString(cursor); },

    prd_js_fetch__deps: ['$PRD'],
    prd_js_fetch: function(id, method, url, headers, body, progress) {
        var init = {
            method: UTF8ToString(method),
            headers: JSON.parse(UTF8ToString(headers)),
            cache: 'no-cache',
            credentials: 'same-origin'
        };
        var text = UTF8ToString(body);
        if (text.length > 0) init.body = text;
        // A long download (the registry on a first visit) reports its bytes as they arrive.
        var readBody = function(response) {
            if (!progress || !response.body || !response.body.getReader) return response.text();
            var reader = response.body.getReader();
            var chunks = [];
            var received = 0;
            var reported = 0;
            var pump = function() {
                return reader.read().then(function(part) {
                    if (part.done) {
                        var all = new Uint8Array(received);
                        var at = 0;
                        chunks.forEach(function(c) { all.set(c, at); at += c.length; });
                        return new TextDecoder().decode(all);
                    }
                    chunks.push(part.value);
                    received += part.value.length;
                    if (received - reported > 65536) {
                        reported = received;
                        _prd_fetch_progress(id, received);
                        PRD.wake();
                    }
                    return pump();
                });
            };
            return pump();
        };
        fetch(UTF8ToString(url), init)
            .then(function(
                response) { return readBody(response).then(function(t) { PRD.deliver(id, response.status, t, ''); }); })
            .catch(function(err) { PRD.deliver(id, 0, '', String((err && err.message) || err || 'network error')); });
    },

    prd_js_route__deps: ['malloc'],
    prd_js_route: function() {
        var route = window.location.hash.replace(/^#/, '');
        var size = lengthBytesUTF8(route) + 1;
        var ptr = _malloc(size);
        stringToUTF8(route, ptr, size);
        return ptr;
    },

    prd_js_go: function(route, replace) {
        var hash = '#' + UTF8ToString(route);
        if (replace) {
            history.replaceState(history.state, '', hash);
        } else if (window.location.hash !== hash) {
            window.location.hash = hash;
        }
    },

    prd_js_go_back: function() {
        if (window.history.length > 1) {
            window.history.back();
        } else {
            window.location.hash = '#/search';
        }
    },

    prd_js_open_page: function(url) { window.location.href = UTF8ToString(url); },

    prd_js_set_title: function(title) { document.title = UTF8ToString(title); },

    prd_js_set_document_language: function(code) { document.documentElement.lang = UTF8ToString(code); },

    // A setting as a malloc'ed string the caller frees ("" when absent or storage is blocked).
    prd_js_load_setting__deps: ['malloc'],
    prd_js_load_setting: function(key) {
        var value = '';
        try {
            value = window.localStorage.getItem('prd.' + UTF8ToString(key)) || '';
        } catch (e) {
        }
        var size = lengthBytesUTF8(value) + 1;
        var ptr = _malloc(size);
        stringToUTF8(value, ptr, size);
        return ptr;
    },

    prd_js_remove_setting: function(key) {
        try {
            window.localStorage.removeItem('prd.' + UTF8ToString(key));
        } catch (e) {
        }
    },

    prd_js_heap_bytes: function() { return HEAP8.length; },
};

autoAddDeps(LibraryPrdPlatform, '$PRD');
mergeInto(LibraryManager.library, LibraryPrdPlatform);
