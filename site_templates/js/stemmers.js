/**
 * stemmers.js: Snowball's English and Italian stemmers, translated from the Python
 * snowballstemmer 3.1.1 by tests/js/snowball_to_js.py (do not edit; run it again).
 * Snowball is (c) Dr Martin Porter, Richard Boulton and others, BSD licence: see snowball-LICENSE.txt.
 */

import { BaseStemmer, Among } from "./snowball-base.js";

export class EnglishStemmer extends BaseStemmer {
  static g_aeo = new Set("aeo");
  static g_v = new Set(["a", "e", "i", "o", "u", "y"]);
  static g_v_WXY = new Set(["Y", "a", "e", "i", "o", "u", "w", "x", "y"]);
  static g_valid_LI = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);
  B_Y_found = false;
  I_p2 = 0;
  I_p1 = 0;
  r_prelude() {
        this.B_Y_found = false;
        var v_1 = this.cursor;
        lab0: {
            this.bra = this.cursor;
            if (this.cursor === this.limit || this.current[this.cursor] !== "'") {
                break lab0;
            }
            this.cursor += 1;
            this.ket = this.cursor;
            this.slice_del();
        }
        this.cursor = v_1;
        var v_2 = this.cursor;
        lab0: {
            this.bra = this.cursor;
            if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                break lab0;
            }
            this.cursor += 1;
            this.ket = this.cursor;
            this.slice_from("Y");
            this.B_Y_found = true;
        }
        this.cursor = v_2;
        var v_3 = this.cursor;
        lab0: {
            while (true) {
                var v_4 = this.cursor;
                lab1: {
                    while (true) {
                        var v_5 = this.cursor;
                        lab2: {
                            if (!this.in_grouping(EnglishStemmer.g_v)) {
                                break lab2;
                            }
                            this.bra = this.cursor;
                            if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                                break lab2;
                            }
                            this.cursor += 1;
                            this.ket = this.cursor;
                            this.cursor = v_5;
                            break;
                        }
                        this.cursor = v_5;
                        if (this.cursor >= this.limit) {
                            break lab1;
                        }
                        this.cursor += 1;
                    }
                    this.slice_from("Y");
                    this.B_Y_found = true;
                    continue;
                }
                this.cursor = v_4;
                break;
            }
        }
        this.cursor = v_3;
        return true;
    }
  r_mark_regions() {
        this.I_p1 = this.limit;
        this.I_p2 = this.limit;
        var v_1 = this.cursor;
        lab0: {
            while (true) {
                var v_2 = this.cursor;
                lab1: {
                    if (this.find_among(EnglishStemmer.a_0) === 0) {
                        break lab1;
                    }
                    break;
                }
                this.cursor = v_2;
                if (!this.go_out_grouping(EnglishStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                if (!this.go_in_grouping(EnglishStemmer.g_v)) {
                    break lab0;
                }
                this.cursor += 1;
                break;
            }
            this.I_p1 = this.cursor;
            if (!this.go_out_grouping(EnglishStemmer.g_v)) {
                break lab0;
            }
            this.cursor += 1;
            if (!this.go_in_grouping(EnglishStemmer.g_v)) {
                break lab0;
            }
            this.cursor += 1;
            this.I_p2 = this.cursor;
        }
        this.cursor = v_1;
        return true;
    }
  r_shortv() {
        while (true) {
            var v_1 = this.limit - this.cursor;
            lab0: {
                if (!this.out_grouping_b(EnglishStemmer.g_v_WXY)) {
                    break lab0;
                }
                if (!this.in_grouping_b(EnglishStemmer.g_v)) {
                    break lab0;
                }
                if (!this.out_grouping_b(EnglishStemmer.g_v)) {
                    break lab0;
                }
                break;
            }
            this.cursor = this.limit - v_1;
            lab0: {
                if (!this.out_grouping_b(EnglishStemmer.g_v)) {
                    break lab0;
                }
                if (!this.in_grouping_b(EnglishStemmer.g_v)) {
                    break lab0;
                }
                if (this.cursor > this.limit_backward) {
                    break lab0;
                }
                break;
            }
            this.cursor = this.limit - v_1;
            if (!this.eq_s_b("past")) {
                return false;
            }
            break;
        }
        return true;
    }
  r_R1() {
        return this.I_p1 <= this.cursor;
    }
  r_R2() {
        return this.I_p2 <= this.cursor;
    }
  r_Step_1a() {
        var v_1 = this.limit - this.cursor;
        lab0: {
            this.ket = this.cursor;
            if (this.find_among_b(EnglishStemmer.a_1) === 0) {
                this.cursor = this.limit - v_1;
                break lab0;
            }
            this.bra = this.cursor;
            this.slice_del();
        }
        this.ket = this.cursor;
        var among_var = this.find_among_b(EnglishStemmer.a_2);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            this.slice_from("ss");
        } else if (among_var === 2) {
            while (true) {
                var v_2 = this.limit - this.cursor;
                lab0: {
                    if (this.cursor - 2 < this.limit_backward) {
                        break lab0;
                    }
                    this.cursor -= 2;
                    this.slice_from("i");
                    break;
                }
                this.cursor = this.limit - v_2;
                this.slice_from("ie");
                break;
            }
        } else if (among_var === 3) {
            if (this.cursor <= this.limit_backward) {
                return false;
            }
            this.cursor -= 1;
            if (!this.go_out_grouping_b(EnglishStemmer.g_v)) {
                return false;
            }
            this.cursor -= 1;
            this.slice_del();
        }
        return true;
    }
  r_Step_1b() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(EnglishStemmer.a_5);
        this.bra = this.cursor;
        while (true) {
            var v_1 = this.limit - this.cursor;
            lab0: {
                if (among_var === 1) {
                    var v_2 = this.limit - this.cursor;
                    lab1: {
                        if (!this.r_R1()) {
                            break lab1;
                        }
                        while (true) {
                            var v_3 = this.limit - this.cursor;
                            lab2: {
                                if (this.find_among_b(EnglishStemmer.a_3) === 0) {
                                    break lab2;
                                }
                                if (this.cursor > this.limit_backward) {
                                    break lab2;
                                }
                                break;
                            }
                            this.cursor = this.limit - v_3;
                            this.slice_from("ee");
                            break;
                        }
                    }
                    this.cursor = this.limit - v_2;
                } else if (among_var === 2) {
                    break lab0;
                } else if (among_var === 3) {
                    var among_var = this.find_among_b(EnglishStemmer.a_4);
                    if (among_var === 0) {
                        break lab0;
                    }
                    if (among_var === 1) {
                        var v_4 = this.limit - this.cursor;
                        if (!this.out_grouping_b(EnglishStemmer.g_v)) {
                            break lab0;
                        }
                        if (this.cursor > this.limit_backward) {
                            break lab0;
                        }
                        this.cursor = this.limit - v_4;
                        this.bra = this.cursor;
                        this.slice_from("ie");
                    } else {
                        if (this.cursor > this.limit_backward) {
                            break lab0;
                        }
                    }
                }
                break;
            }
            this.cursor = this.limit - v_1;
            var v_5 = this.limit - this.cursor;
            if (!this.go_out_grouping_b(EnglishStemmer.g_v)) {
                return false;
            }
            this.cursor -= 1;
            this.cursor = this.limit - v_5;
            this.slice_del();
            this.ket = this.cursor;
            this.bra = this.cursor;
            var v_6 = this.limit - this.cursor;
            var among_var = this.find_among_b(EnglishStemmer.a_6);
            if (among_var === 1) {
                this.slice_from("e");
                return false;
            } else if (among_var === 2) {
                var v_7 = this.limit - this.cursor;
                lab0: {
                    if (!this.in_grouping_b(EnglishStemmer.g_aeo)) {
                        break lab0;
                    }
                    if (this.cursor > this.limit_backward) {
                        break lab0;
                    }
                    return false;
                }
                this.cursor = this.limit - v_7;
            } else {
                if (this.cursor !== this.I_p1) {
                    return false;
                }
                var v_8 = this.limit - this.cursor;
                if (!this.r_shortv()) {
                    return false;
                }
                this.cursor = this.limit - v_8;
                this.slice_from("e");
                return false;
            }
            this.cursor = this.limit - v_6;
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward) {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            this.slice_del();
            break;
        }
        return true;
    }
  r_Step_1c() {
        this.ket = this.cursor;
        while (true) {
            lab0: {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "y") {
                    break lab0;
                }
                this.cursor -= 1;
                break;
            }
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "Y") {
                return false;
            }
            this.cursor -= 1;
            break;
        }
        this.bra = this.cursor;
        if (!this.out_grouping_b(EnglishStemmer.g_v)) {
            return false;
        }
        if (this.cursor <= this.limit_backward) {
            return false;
        }
        this.slice_from("i");
        return true;
    }
  r_Step_2() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(EnglishStemmer.a_7);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (!this.r_R1()) {
            return false;
        }
        if (among_var === 1) {
            this.slice_from("tion");
        } else if (among_var === 2) {
            this.slice_from("ence");
        } else if (among_var === 3) {
            this.slice_from("ance");
        } else if (among_var === 4) {
            this.slice_from("able");
        } else if (among_var === 5) {
            this.slice_from("ent");
        } else if (among_var === 6) {
            this.slice_from("ize");
        } else if (among_var === 7) {
            this.slice_from("ate");
        } else if (among_var === 8) {
            this.slice_from("al");
        } else if (among_var === 9) {
            this.slice_from("ful");
        } else if (among_var === 10) {
            this.slice_from("ous");
        } else if (among_var === 11) {
            this.slice_from("ive");
        } else if (among_var === 12) {
            this.slice_from("ble");
        } else if (among_var === 13) {
            this.slice_from("og");
        } else if (among_var === 14) {
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                return false;
            }
            this.cursor -= 1;
            this.slice_from("og");
        } else if (among_var === 15) {
            this.slice_from("less");
        } else {
            if (!this.in_grouping_b(EnglishStemmer.g_valid_LI)) {
                return false;
            }
            this.slice_del();
        }
        return true;
    }
  r_Step_3() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(EnglishStemmer.a_8);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (!this.r_R1()) {
            return false;
        }
        if (among_var === 1) {
            this.slice_from("tion");
        } else if (among_var === 2) {
            this.slice_from("ate");
        } else if (among_var === 3) {
            this.slice_from("al");
        } else if (among_var === 4) {
            this.slice_from("ic");
        } else if (among_var === 5) {
            this.slice_del();
        } else {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_del();
        }
        return true;
    }
  r_Step_4() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(EnglishStemmer.a_9);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (!this.r_R2()) {
            return false;
        }
        if (among_var === 1) {
            this.slice_del();
        } else {
            while (true) {
                lab0: {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "s") {
                        break lab0;
                    }
                    this.cursor -= 1;
                    break;
                }
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "t") {
                    return false;
                }
                this.cursor -= 1;
                break;
            }
            this.slice_del();
        }
        return true;
    }
  r_Step_5() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(EnglishStemmer.a_10);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            while (true) {
                lab0: {
                    if (!this.r_R2()) {
                        break lab0;
                    }
                    break;
                }
                if (!this.r_R1()) {
                    return false;
                }
                var v_1 = this.limit - this.cursor;
                lab0: {
                    if (!this.r_shortv()) {
                        break lab0;
                    }
                    return false;
                }
                this.cursor = this.limit - v_1;
                break;
            }
            this.slice_del();
        } else {
            if (!this.r_R2()) {
                return false;
            }
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                return false;
            }
            this.cursor -= 1;
            this.slice_del();
        }
        return true;
    }
  r_exception1() {
        this.bra = this.cursor;
        var among_var = this.find_among(EnglishStemmer.a_11);
        if (among_var === 0) {
            return false;
        }
        this.ket = this.cursor;
        if (this.cursor < this.limit) {
            return false;
        }
        if (among_var > 0) {
            this.slice_from(EnglishStemmer.as_11[among_var - 1]);
        }
        return true;
    }
  r_postlude() {
        if (!this.B_Y_found) {
            return false;
        }
        while (true) {
            var v_1 = this.cursor;
            lab0: {
                while (true) {
                    var v_2 = this.cursor;
                    lab1: {
                        this.bra = this.cursor;
                        if (this.cursor === this.limit || this.current[this.cursor] !== "Y") {
                            break lab1;
                        }
                        this.cursor += 1;
                        this.ket = this.cursor;
                        this.cursor = v_2;
                        break;
                    }
                    this.cursor = v_2;
                    if (this.cursor >= this.limit) {
                        break lab0;
                    }
                    this.cursor += 1;
                }
                this.slice_from("y");
                continue;
            }
            this.cursor = v_1;
            break;
        }
        return true;
    }
  _stem() {
        while (true) {
            var v_1 = this.cursor;
            lab0: {
                if (!this.r_exception1()) {
                    break lab0;
                }
                break;
            }
            this.cursor = v_1;
            lab0: {
                lab1: {
                    if (this.cursor + 3 > this.limit) {
                        break lab1;
                    }
                    this.cursor += 3;
                    break lab0;
                }
                break;
            }
            this.cursor = v_1;
            this.r_prelude();
            this.r_mark_regions();
            this.limit_backward = this.cursor;
            this.cursor = this.limit;
            var v_2 = this.limit - this.cursor;
            this.r_Step_1a();
            this.cursor = this.limit - v_2;
            var v_3 = this.limit - this.cursor;
            this.r_Step_1b();
            this.cursor = this.limit - v_3;
            var v_4 = this.limit - this.cursor;
            this.r_Step_1c();
            this.cursor = this.limit - v_4;
            var v_5 = this.limit - this.cursor;
            this.r_Step_2();
            this.cursor = this.limit - v_5;
            var v_6 = this.limit - this.cursor;
            this.r_Step_3();
            this.cursor = this.limit - v_6;
            var v_7 = this.limit - this.cursor;
            this.r_Step_4();
            this.cursor = this.limit - v_7;
            var v_8 = this.limit - this.cursor;
            this.r_Step_5();
            this.cursor = this.limit - v_8;
            this.cursor = this.limit_backward;
            var v_9 = this.cursor;
            this.r_postlude();
            this.cursor = v_9;
            break;
        }
        return true;
    }
  static a_0 = [
    new Among("arsen", -1, -1),
    new Among("commun", -1, -1),
    new Among("emerg", -1, -1),
    new Among("gener", -1, -1),
    new Among("inter", -1, -1),
    new Among("later", -1, -1),
    new Among("organ", -1, -1),
    new Among("past", -1, -1),
    new Among("univers", -1, -1),
  ];
  static a_1 = [
    new Among("'", -1, 1),
    new Among("'s'", 0, 1),
    new Among("'s", -1, 1),
  ];
  static a_2 = [
    new Among("ied", -1, 2),
    new Among("s", -1, 3),
    new Among("ies", 1, 2),
    new Among("sses", 1, 1),
    new Among("ss", 1, -1),
    new Among("us", 1, -1),
  ];
  static a_3 = [
    new Among("succ", -1, 1),
    new Among("proc", -1, 1),
    new Among("exc", -1, 1),
  ];
  static a_4 = [
    new Among("even", -1, 2),
    new Among("cann", -1, 2),
    new Among("inn", -1, 2),
    new Among("earr", -1, 2),
    new Among("herr", -1, 2),
    new Among("out", -1, 2),
    new Among("y", -1, 1),
  ];
  static a_5 = [
    new Among("", -1, -1),
    new Among("ed", 0, 2),
    new Among("eed", 1, 1),
    new Among("ing", 0, 3),
    new Among("edly", 0, 2),
    new Among("eedly", 4, 1),
    new Among("ingly", 0, 2),
  ];
  static a_6 = [
    new Among("", -1, 3),
    new Among("bb", 0, 2),
    new Among("dd", 0, 2),
    new Among("ff", 0, 2),
    new Among("gg", 0, 2),
    new Among("bl", 0, 1),
    new Among("mm", 0, 2),
    new Among("nn", 0, 2),
    new Among("pp", 0, 2),
    new Among("rr", 0, 2),
    new Among("at", 0, 1),
    new Among("tt", 0, 2),
    new Among("iz", 0, 1),
  ];
  static a_7 = [
    new Among("anci", -1, 3),
    new Among("enci", -1, 2),
    new Among("ogi", -1, 14),
    new Among("li", -1, 16),
    new Among("bli", 3, 12),
    new Among("abli", 4, 4),
    new Among("alli", 3, 8),
    new Among("fulli", 3, 9),
    new Among("lessli", 3, 15),
    new Among("ousli", 3, 10),
    new Among("entli", 3, 5),
    new Among("aliti", -1, 8),
    new Among("biliti", -1, 12),
    new Among("iviti", -1, 11),
    new Among("tional", -1, 1),
    new Among("ational", 14, 7),
    new Among("alism", -1, 8),
    new Among("ation", -1, 7),
    new Among("ization", 17, 6),
    new Among("izer", -1, 6),
    new Among("ator", -1, 7),
    new Among("iveness", -1, 11),
    new Among("fulness", -1, 9),
    new Among("ousness", -1, 10),
    new Among("ogist", -1, 13),
  ];
  static a_8 = [
    new Among("icate", -1, 4),
    new Among("ative", -1, 6),
    new Among("alize", -1, 3),
    new Among("iciti", -1, 4),
    new Among("ical", -1, 4),
    new Among("tional", -1, 1),
    new Among("ational", 5, 2),
    new Among("ful", -1, 5),
    new Among("ness", -1, 5),
  ];
  static a_9 = [
    new Among("ic", -1, 1),
    new Among("ance", -1, 1),
    new Among("ence", -1, 1),
    new Among("able", -1, 1),
    new Among("ible", -1, 1),
    new Among("ate", -1, 1),
    new Among("ive", -1, 1),
    new Among("ize", -1, 1),
    new Among("iti", -1, 1),
    new Among("al", -1, 1),
    new Among("ism", -1, 1),
    new Among("ion", -1, 2),
    new Among("er", -1, 1),
    new Among("ous", -1, 1),
    new Among("ant", -1, 1),
    new Among("ent", -1, 1),
    new Among("ment", 15, 1),
    new Among("ement", 16, 1),
  ];
  static a_10 = [
    new Among("e", -1, 1),
    new Among("l", -1, 2),
  ];
  static a_11 = [
    new Among("andes", -1, -1),
    new Among("atlas", -1, -1),
    new Among("bias", -1, -1),
    new Among("cosmos", -1, -1),
    new Among("early", -1, 6),
    new Among("gently", -1, 4),
    new Among("howe", -1, -1),
    new Among("idly", -1, 3),
    new Among("news", -1, -1),
    new Among("only", -1, 7),
    new Among("singly", -1, 8),
    new Among("skies", -1, 2),
    new Among("skis", -1, 1),
    new Among("sky", -1, -1),
    new Among("ugly", -1, 5),
  ];
  static as_11 = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];
}

export class ItalianStemmer extends BaseStemmer {
  static g_v = new Set(["a", "e", "i", "o", "u", "à", "è", "ì", "ò", "ù"]);
  static g_AEIO = new Set(["a", "e", "i", "o", "à", "è", "ì", "ò"]);
  static g_CG = new Set("cg");
  I_p2 = 0;
  I_p1 = 0;
  I_pV = 0;
  r_elisions() {
        this.bra = this.cursor;
        if (this.find_among(ItalianStemmer.a_0) === 0) {
            return false;
        }
        this.ket = this.cursor;
        if (this.cursor >= this.limit) {
            return false;
        }
        this.slice_del();
        return true;
    }
  r_prelude() {
        var v_1 = this.cursor;
        while (true) {
            var v_2 = this.cursor;
            lab0: {
                this.bra = this.cursor;
                var among_var = this.find_among(ItalianStemmer.a_1);
                this.ket = this.cursor;
                if (among_var === 1) {
                    this.slice_from("à");
                } else if (among_var === 2) {
                    this.slice_from("è");
                } else if (among_var === 3) {
                    this.slice_from("ì");
                } else if (among_var === 4) {
                    this.slice_from("ò");
                } else if (among_var === 5) {
                    this.slice_from("ù");
                } else if (among_var === 6) {
                    this.slice_from("qU");
                } else {
                    if (this.cursor >= this.limit) {
                        break lab0;
                    }
                    this.cursor += 1;
                }
                continue;
            }
            this.cursor = v_2;
            break;
        }
        this.cursor = v_1;
        while (true) {
            var v_3 = this.cursor;
            lab0: {
                while (true) {
                    var v_4 = this.cursor;
                    lab1: {
                        if (!this.in_grouping(ItalianStemmer.g_v)) {
                            break lab1;
                        }
                        this.bra = this.cursor;
                        while (true) {
                            var v_5 = this.cursor;
                            lab2: {
                                if (this.cursor === this.limit || this.current[this.cursor] !== "u") {
                                    break lab2;
                                }
                                this.cursor += 1;
                                this.ket = this.cursor;
                                if (!this.in_grouping(ItalianStemmer.g_v)) {
                                    break lab2;
                                }
                                this.slice_from("U");
                                break;
                            }
                            this.cursor = v_5;
                            if (this.cursor === this.limit || this.current[this.cursor] !== "i") {
                                break lab1;
                            }
                            this.cursor += 1;
                            this.ket = this.cursor;
                            if (!this.in_grouping(ItalianStemmer.g_v)) {
                                break lab1;
                            }
                            this.slice_from("I");
                            break;
                        }
                        this.cursor = v_4;
                        break;
                    }
                    this.cursor = v_4;
                    if (this.cursor >= this.limit) {
                        break lab0;
                    }
                    this.cursor += 1;
                }
                continue;
            }
            this.cursor = v_3;
            break;
        }
        return true;
    }
  r_mark_regions() {
        this.I_pV = this.limit;
        this.I_p1 = this.limit;
        this.I_p2 = this.limit;
        var v_1 = this.cursor;
        lab0: {
            while (true) {
                var v_2 = this.cursor;
                lab1: {
                    if (!this.in_grouping(ItalianStemmer.g_v)) {
                        break lab1;
                    }
                    while (true) {
                        var v_3 = this.cursor;
                        lab2: {
                            if (!this.out_grouping(ItalianStemmer.g_v)) {
                                break lab2;
                            }
                            if (!this.go_out_grouping(ItalianStemmer.g_v)) {
                                break lab2;
                            }
                            this.cursor += 1;
                            break;
                        }
                        this.cursor = v_3;
                        if (!this.in_grouping(ItalianStemmer.g_v)) {
                            break lab1;
                        }
                        if (!this.go_in_grouping(ItalianStemmer.g_v)) {
                            break lab1;
                        }
                        this.cursor += 1;
                        break;
                    }
                    break;
                }
                this.cursor = v_2;
                lab1: {
                    if (!this.eq_s("divan")) {
                        break lab1;
                    }
                    break;
                }
                this.cursor = v_2;
                if (!this.out_grouping(ItalianStemmer.g_v)) {
                    break lab0;
                }
                while (true) {
                    var v_4 = this.cursor;
                    lab1: {
                        if (!this.out_grouping(ItalianStemmer.g_v)) {
                            break lab1;
                        }
                        if (!this.go_out_grouping(ItalianStemmer.g_v)) {
                            break lab1;
                        }
                        this.cursor += 1;
                        break;
                    }
                    this.cursor = v_4;
                    if (!this.in_grouping(ItalianStemmer.g_v)) {
                        break lab0;
                    }
                    if (this.cursor >= this.limit) {
                        break lab0;
                    }
                    this.cursor += 1;
                    break;
                }
                break;
            }
            this.I_pV = this.cursor;
        }
        this.cursor = v_1;
        var v_5 = this.cursor;
        lab0: {
            if (!this.go_out_grouping(ItalianStemmer.g_v)) {
                break lab0;
            }
            this.cursor += 1;
            if (!this.go_in_grouping(ItalianStemmer.g_v)) {
                break lab0;
            }
            this.cursor += 1;
            this.I_p1 = this.cursor;
            if (!this.go_out_grouping(ItalianStemmer.g_v)) {
                break lab0;
            }
            this.cursor += 1;
            if (!this.go_in_grouping(ItalianStemmer.g_v)) {
                break lab0;
            }
            this.cursor += 1;
            this.I_p2 = this.cursor;
        }
        this.cursor = v_5;
        return true;
    }
  r_postlude() {
        while (true) {
            var v_1 = this.cursor;
            lab0: {
                this.bra = this.cursor;
                var among_var = this.find_among(ItalianStemmer.a_2);
                this.ket = this.cursor;
                if (among_var === 1) {
                    this.slice_from("i");
                } else if (among_var === 2) {
                    this.slice_from("u");
                } else {
                    if (this.cursor >= this.limit) {
                        break lab0;
                    }
                    this.cursor += 1;
                }
                continue;
            }
            this.cursor = v_1;
            break;
        }
        return true;
    }
  r_RV() {
        return this.I_pV <= this.cursor;
    }
  r_R2() {
        return this.I_p2 <= this.cursor;
    }
  r_attached_pronoun() {
        this.ket = this.cursor;
        if (this.find_among_b(ItalianStemmer.a_3) === 0) {
            return false;
        }
        this.bra = this.cursor;
        var among_var = this.find_among_b(ItalianStemmer.a_4);
        if (among_var === 0) {
            return false;
        }
        if (!this.r_RV()) {
            return false;
        }
        this.slice_from(ItalianStemmer.as_4[among_var - 1]);
        return true;
    }
  r_standard_suffix() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(ItalianStemmer.a_7);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_del();
        } else if (among_var === 2) {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_del();
            var v_1 = this.limit - this.cursor;
            lab0: {
                this.ket = this.cursor;
                if (!this.eq_s_b("ic")) {
                    this.cursor = this.limit - v_1;
                    break lab0;
                }
                this.bra = this.cursor;
                if (!this.r_R2()) {
                    this.cursor = this.limit - v_1;
                    break lab0;
                }
                this.slice_del();
            }
        } else if (among_var === 3) {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_from("log");
        } else if (among_var === 4) {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_from("u");
        } else if (among_var === 5) {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_from("ente");
        } else if (among_var === 6) {
            if (!this.r_RV()) {
                return false;
            }
            this.slice_del();
        } else if (among_var === 7) {
            if (this.I_p1 > this.cursor) {
                return false;
            }
            this.slice_del();
            var v_2 = this.limit - this.cursor;
            lab0: {
                this.ket = this.cursor;
                var among_var = this.find_among_b(ItalianStemmer.a_5);
                if (among_var === 0) {
                    this.cursor = this.limit - v_2;
                    break lab0;
                }
                this.bra = this.cursor;
                if (!this.r_R2()) {
                    this.cursor = this.limit - v_2;
                    break lab0;
                }
                this.slice_del();
                if (among_var === 1) {
                    this.ket = this.cursor;
                    if (!this.eq_s_b("at")) {
                        this.cursor = this.limit - v_2;
                        break lab0;
                    }
                    this.bra = this.cursor;
                    if (!this.r_R2()) {
                        this.cursor = this.limit - v_2;
                        break lab0;
                    }
                    this.slice_del();
                }
            }
        } else if (among_var === 8) {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_del();
            var v_3 = this.limit - this.cursor;
            lab0: {
                this.ket = this.cursor;
                if (this.find_among_b(ItalianStemmer.a_6) === 0) {
                    this.cursor = this.limit - v_3;
                    break lab0;
                }
                this.bra = this.cursor;
                if (!this.r_R2()) {
                    this.cursor = this.limit - v_3;
                    break lab0;
                }
                this.slice_del();
            }
        } else {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_del();
            var v_4 = this.limit - this.cursor;
            lab0: {
                this.ket = this.cursor;
                if (!this.eq_s_b("at")) {
                    this.cursor = this.limit - v_4;
                    break lab0;
                }
                this.bra = this.cursor;
                if (!this.r_R2()) {
                    this.cursor = this.limit - v_4;
                    break lab0;
                }
                this.slice_del();
                this.ket = this.cursor;
                if (!this.eq_s_b("ic")) {
                    this.cursor = this.limit - v_4;
                    break lab0;
                }
                this.bra = this.cursor;
                if (!this.r_R2()) {
                    this.cursor = this.limit - v_4;
                    break lab0;
                }
                this.slice_del();
            }
        }
        return true;
    }
  r_verb_suffix() {
        if (this.cursor < this.I_pV) {
            return false;
        }
        var v_2 = this.limit_backward;
        this.limit_backward = this.I_pV;
        this.ket = this.cursor;
        if (this.find_among_b(ItalianStemmer.a_8) === 0) {
            this.limit_backward = v_2;
            return false;
        }
        this.bra = this.cursor;
        this.slice_del();
        this.limit_backward = v_2;
        return true;
    }
  r_vowel_suffix() {
        var v_1 = this.limit - this.cursor;
        lab0: {
            this.ket = this.cursor;
            if (!this.in_grouping_b(ItalianStemmer.g_AEIO)) {
                this.cursor = this.limit - v_1;
                break lab0;
            }
            this.bra = this.cursor;
            if (!this.r_RV()) {
                this.cursor = this.limit - v_1;
                break lab0;
            }
            this.slice_del();
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "i") {
                this.cursor = this.limit - v_1;
                break lab0;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            if (!this.r_RV()) {
                this.cursor = this.limit - v_1;
                break lab0;
            }
            this.slice_del();
        }
        var v_2 = this.limit - this.cursor;
        lab0: {
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "h") {
                this.cursor = this.limit - v_2;
                break lab0;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            if (!this.in_grouping_b(ItalianStemmer.g_CG)) {
                this.cursor = this.limit - v_2;
                break lab0;
            }
            if (!this.r_RV()) {
                this.cursor = this.limit - v_2;
                break lab0;
            }
            this.slice_del();
        }
        return true;
    }
  _stem() {
        var v_1 = this.cursor;
        this.r_elisions();
        this.cursor = v_1;
        var v_2 = this.cursor;
        this.r_prelude();
        this.cursor = v_2;
        this.r_mark_regions();
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        var v_3 = this.limit - this.cursor;
        this.r_attached_pronoun();
        this.cursor = this.limit - v_3;
        var v_4 = this.limit - this.cursor;
        lab0: {
            while (true) {
                var v_5 = this.limit - this.cursor;
                lab1: {
                    if (!this.r_standard_suffix()) {
                        break lab1;
                    }
                    break;
                }
                this.cursor = this.limit - v_5;
                if (!this.r_verb_suffix()) {
                    break lab0;
                }
                break;
            }
        }
        this.cursor = this.limit - v_4;
        var v_6 = this.limit - this.cursor;
        this.r_vowel_suffix();
        this.cursor = this.limit - v_6;
        this.cursor = this.limit_backward;
        var v_7 = this.cursor;
        this.r_postlude();
        this.cursor = v_7;
        return true;
    }
  static a_0 = [
    new Among("all'", -1, -1),
    new Among("d'", -1, -1),
    new Among("dall'", -1, -1),
    new Among("dell'", -1, -1),
    new Among("gl'", -1, -1),
    new Among("l'", -1, -1),
    new Among("m'", -1, -1),
    new Among("nell'", -1, -1),
    new Among("quell'", -1, -1),
    new Among("quest'", -1, -1),
    new Among("s'", -1, -1),
    new Among("sull'", -1, -1),
    new Among("t'", -1, -1),
    new Among("tutt'", -1, -1),
    new Among("un'", -1, -1),
    new Among("v'", -1, -1),
  ];
  static a_1 = [
    new Among("", -1, 7),
    new Among("qu", 0, 6),
    new Among("á", 0, 1),
    new Among("é", 0, 2),
    new Among("í", 0, 3),
    new Among("ó", 0, 4),
    new Among("ú", 0, 5),
  ];
  static a_2 = [
    new Among("", -1, 3),
    new Among("I", 0, 1),
    new Among("U", 0, 2),
  ];
  static a_3 = [
    new Among("la", -1, -1),
    new Among("cela", 0, -1),
    new Among("gliela", 0, -1),
    new Among("mela", 0, -1),
    new Among("tela", 0, -1),
    new Among("vela", 0, -1),
    new Among("le", -1, -1),
    new Among("cele", 6, -1),
    new Among("gliele", 6, -1),
    new Among("mele", 6, -1),
    new Among("tele", 6, -1),
    new Among("vele", 6, -1),
    new Among("ne", -1, -1),
    new Among("cene", 12, -1),
    new Among("gliene", 12, -1),
    new Among("mene", 12, -1),
    new Among("sene", 12, -1),
    new Among("tene", 12, -1),
    new Among("vene", 12, -1),
    new Among("ci", -1, -1),
    new Among("li", -1, -1),
    new Among("celi", 20, -1),
    new Among("glieli", 20, -1),
    new Among("meli", 20, -1),
    new Among("teli", 20, -1),
    new Among("veli", 20, -1),
    new Among("gli", 20, -1),
    new Among("mi", -1, -1),
    new Among("si", -1, -1),
    new Among("ti", -1, -1),
    new Among("vi", -1, -1),
    new Among("lo", -1, -1),
    new Among("celo", 31, -1),
    new Among("glielo", 31, -1),
    new Among("melo", 31, -1),
    new Among("telo", 31, -1),
    new Among("velo", 31, -1),
  ];
  static a_4 = [
    new Among("ando", -1, 1),
    new Among("endo", -1, 1),
    new Among("ar", -1, 2),
    new Among("er", -1, 2),
    new Among("ir", -1, 2),
  ];
  static as_4 = ["", "e"];
  static a_5 = [
    new Among("ic", -1, -1),
    new Among("abil", -1, -1),
    new Among("os", -1, -1),
    new Among("iv", -1, 1),
  ];
  static a_6 = [
    new Among("ic", -1, 1),
    new Among("abil", -1, 1),
    new Among("iv", -1, 1),
  ];
  static a_7 = [
    new Among("ica", -1, 1),
    new Among("logia", -1, 3),
    new Among("osa", -1, 1),
    new Among("ista", -1, 1),
    new Among("iva", -1, 9),
    new Among("anza", -1, 1),
    new Among("enza", -1, 5),
    new Among("ice", -1, 1),
    new Among("atrice", 7, 1),
    new Among("iche", -1, 1),
    new Among("logie", -1, 3),
    new Among("abile", -1, 1),
    new Among("ibile", -1, 1),
    new Among("usione", -1, 4),
    new Among("azione", -1, 2),
    new Among("uzione", -1, 4),
    new Among("atore", -1, 2),
    new Among("ose", -1, 1),
    new Among("ante", -1, 1),
    new Among("mente", -1, 1),
    new Among("amente", 19, 7),
    new Among("iste", -1, 1),
    new Among("ive", -1, 9),
    new Among("anze", -1, 1),
    new Among("enze", -1, 5),
    new Among("ici", -1, 1),
    new Among("atrici", 25, 1),
    new Among("ichi", -1, 1),
    new Among("abili", -1, 1),
    new Among("ibili", -1, 1),
    new Among("ismi", -1, 1),
    new Among("usioni", -1, 4),
    new Among("azioni", -1, 2),
    new Among("uzioni", -1, 4),
    new Among("atori", -1, 2),
    new Among("osi", -1, 1),
    new Among("anti", -1, 1),
    new Among("amenti", -1, 6),
    new Among("imenti", -1, 6),
    new Among("isti", -1, 1),
    new Among("ivi", -1, 9),
    new Among("ico", -1, 1),
    new Among("ismo", -1, 1),
    new Among("oso", -1, 1),
    new Among("amento", -1, 6),
    new Among("imento", -1, 6),
    new Among("ivo", -1, 9),
    new Among("ità", -1, 8),
    new Among("istà", -1, 1),
    new Among("istè", -1, 1),
    new Among("istì", -1, 1),
  ];
  static a_8 = [
    new Among("isca", -1, 1),
    new Among("enda", -1, 1),
    new Among("ata", -1, 1),
    new Among("ita", -1, 1),
    new Among("uta", -1, 1),
    new Among("ava", -1, 1),
    new Among("eva", -1, 1),
    new Among("iva", -1, 1),
    new Among("erebbe", -1, 1),
    new Among("irebbe", -1, 1),
    new Among("isce", -1, 1),
    new Among("ende", -1, 1),
    new Among("are", -1, 1),
    new Among("ere", -1, 1),
    new Among("ire", -1, 1),
    new Among("asse", -1, 1),
    new Among("ate", -1, 1),
    new Among("avate", 16, 1),
    new Among("evate", 16, 1),
    new Among("ivate", 16, 1),
    new Among("ete", -1, 1),
    new Among("erete", 20, 1),
    new Among("irete", 20, 1),
    new Among("ite", -1, 1),
    new Among("ereste", -1, 1),
    new Among("ireste", -1, 1),
    new Among("ute", -1, 1),
    new Among("erai", -1, 1),
    new Among("irai", -1, 1),
    new Among("isci", -1, 1),
    new Among("endi", -1, 1),
    new Among("erei", -1, 1),
    new Among("irei", -1, 1),
    new Among("assi", -1, 1),
    new Among("ati", -1, 1),
    new Among("iti", -1, 1),
    new Among("eresti", -1, 1),
    new Among("iresti", -1, 1),
    new Among("uti", -1, 1),
    new Among("avi", -1, 1),
    new Among("evi", -1, 1),
    new Among("ivi", -1, 1),
    new Among("isco", -1, 1),
    new Among("ando", -1, 1),
    new Among("endo", -1, 1),
    new Among("Yamo", -1, 1),
    new Among("iamo", -1, 1),
    new Among("avamo", -1, 1),
    new Among("evamo", -1, 1),
    new Among("ivamo", -1, 1),
    new Among("eremo", -1, 1),
    new Among("iremo", -1, 1),
    new Among("assimo", -1, 1),
    new Among("ammo", -1, 1),
    new Among("emmo", -1, 1),
    new Among("eremmo", 54, 1),
    new Among("iremmo", 54, 1),
    new Among("immo", -1, 1),
    new Among("ano", -1, 1),
    new Among("iscano", 58, 1),
    new Among("avano", 58, 1),
    new Among("evano", 58, 1),
    new Among("ivano", 58, 1),
    new Among("eranno", -1, 1),
    new Among("iranno", -1, 1),
    new Among("ono", -1, 1),
    new Among("iscono", 65, 1),
    new Among("arono", 65, 1),
    new Among("erono", 65, 1),
    new Among("irono", 65, 1),
    new Among("erebbero", -1, 1),
    new Among("irebbero", -1, 1),
    new Among("assero", -1, 1),
    new Among("essero", -1, 1),
    new Among("issero", -1, 1),
    new Among("ato", -1, 1),
    new Among("ito", -1, 1),
    new Among("uto", -1, 1),
    new Among("avo", -1, 1),
    new Among("evo", -1, 1),
    new Among("ivo", -1, 1),
    new Among("ar", -1, 1),
    new Among("ir", -1, 1),
    new Among("erà", -1, 1),
    new Among("irà", -1, 1),
    new Among("erò", -1, 1),
    new Among("irò", -1, 1),
  ];
}
